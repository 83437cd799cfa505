package diary

import (
	"slices"
	"time"
)

// NoticeCount is how many notices of one kind are in one status, and when
// the oldest of them was created.
type NoticeCount struct {
	Kind   string
	Status NoticeStatus
	Count  int
	Oldest time.Time
}

// NoticeJobs counts the delivery jobs waiting in River's table, by state.
type NoticeJobs struct {
	// Available jobs are due and wait for a worker.
	Available int
	// Scheduled jobs wait for their time (quiet hours, a 429's retry_after).
	Scheduled int
	// Retryable jobs failed and wait for their next attempt.
	Retryable int
}

// NoticeFilter selects notices for a list; a zero field selects all.
type NoticeFilter struct {
	SchoolID int64
	Status   NoticeStatus
	Kind     string
	// Limit is the most notices listed; the store's default when 0.
	Limit int
}

// NoticeEntry is a notice in a list, without its files, with the latest
// event of its history.
type NoticeEntry struct {
	Notice
	Last NoticeEvent
}

// NoticeStatuses are all the statuses a notice can be in.
var NoticeStatuses = []NoticeStatus{NoticeQueued, NoticeHeld, NoticeSent, NoticeSentEmail, NoticeFailed}

// Valid reports whether s is one of NoticeStatuses.
func (s NoticeStatus) Valid() bool {
	return slices.Contains(NoticeStatuses, s)
}
