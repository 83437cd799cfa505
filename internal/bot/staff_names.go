package bot

import (
	"context"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/i18n"
)

// namer reads and remembers the names of classes, subjects and groups for
// one staff view.
type namer struct {
	b        *B
	classes  map[int64]diary.Class
	subjects map[int64]string
}

// newNamer returns an empty namer.
func newNamer(b *B) *namer {
	return &namer{b: b, classes: map[int64]diary.Class{}, subjects: map[int64]string{}}
}

// class returns the class with id.
func (n *namer) class(ctx context.Context, id int64) (diary.Class, error) {
	if c, ok := n.classes[id]; ok {
		return c, nil
	}
	c, err := n.b.d.Store.Class(ctx, id)
	if err != nil {
		return c, fmt.Errorf("class name: %w", err)
	}
	n.classes[id] = c
	return c, nil
}

// subject returns the name of the subject with id.
func (n *namer) subject(ctx context.Context, id int64) (string, error) {
	if s, ok := n.subjects[id]; ok {
		return s, nil
	}
	s, err := n.b.d.Store.Subject(ctx, id)
	if err != nil {
		return "", fmt.Errorf("subject name: %w", err)
	}
	n.subjects[id] = s.Name
	return s.Name, nil
}

// lesson returns the names of a lesson's class and subject.
func (n *namer) lesson(ctx context.Context, l diary.Lesson) (string, string, error) {
	cl, err := n.class(ctx, l.ClassID)
	if err != nil {
		return "", "", err
	}
	subj, err := n.subject(ctx, l.SubjectID)
	return cl.Name, subj, err
}

// teaching returns the label of a class (or group) and subject taught.
func (n *namer) teaching(ctx context.Context, lang i18n.Lang, t diary.Teaching) (string, error) {
	cl, subj, err := n.lesson(ctx, diary.Lesson{ClassID: t.ClassID, SubjectID: t.SubjectID})
	if err != nil || t.GroupID == 0 {
		return i18n.Plain(lang, i18n.BtnStaffTeaching, "class", cl, "subject", subj), err
	}
	group, err := n.group(ctx, t)
	if err != nil {
		return "", err
	}
	return i18n.Plain(lang, i18n.BtnStaffGroup, "class", cl, "group", group, "subject", subj), nil
}

// group returns the name of the group of t, read from its members.
func (n *namer) group(ctx context.Context, t diary.Teaching) (string, error) {
	members, err := n.b.d.Store.StudentsOfGroup(ctx, t.GroupID)
	if err != nil || len(members) == 0 {
		return "", err
	}
	groups, err := n.b.d.Store.GroupsOfStudent(ctx, members[0].ID)
	if err != nil {
		return "", fmt.Errorf("group name: %w", err)
	}
	for _, g := range groups {
		if g.ID == t.GroupID {
			return g.Name, nil
		}
	}
	return "", nil
}
