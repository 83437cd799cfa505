package sqlite

import "github.com/schooldiary/diary/internal/diary"

// validate returns the problems the domain finds in b by itself (values,
// required fields, repeated ids), before the store resolves references.
func validate(b *diary.Batch) []diary.ItemError { return b.Validate() }
