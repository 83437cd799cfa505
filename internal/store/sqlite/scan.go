package sqlite

import "github.com/schooldiary/diary/internal/diary"

// scanHomework reads id, school_id, ext_id, student_id, subject_id,
// lesson_id, date, text (the reads' column list of homework).
func scanHomework(r scanner) (diary.Homework, error) {
	var h diary.Homework
	err := r.Scan(&h.ID, &h.SchoolID, &h.ExtID, &h.StudentID, &h.SubjectID,
		idCol{&h.LessonID}, dateCol{&h.Date}, &h.Text)
	return h, err
}
