package sqlstore

// Port returns the port the store runs on. It is for tests and adapters: the
// contract suite runs raw SQL through it to pin how each store translates
// driver errors (Port.Translate), the same on every database.
func (s *Store) Port() Port { return s.p }
