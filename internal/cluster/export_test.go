package cluster

// MemorySize returns how many entries a memory Set holds, expired or not.
func MemorySize(s *Set) int { return s.Sessions.(memSessions).m.size() }
