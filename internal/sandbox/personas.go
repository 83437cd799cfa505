package sandbox

import (
	"context"
	"errors"
	"fmt"

	"github.com/schooldiary/diary/internal/demo"
	"github.com/schooldiary/diary/internal/diary"
)

// PersonaUserBase is the Telegram user id before the personas' ids: the i-th
// persona (from 1) is user PersonaUserBase+i, on every start of the sandbox.
const PersonaUserBase int64 = 7_000_000

// Persona is a person of the demo school the page lets you be.
type Persona struct {
	ID     string `json:"id"`
	Title  string `json:"title"`   // «Родитель двоих детей»
	Hint   string `json:"hint"`    // who that is in the school
	Name   string `json:"name"`    // the person's full name in the roster
	UserID int64  `json:"user_id"` // the emulator user; 0 until chosen once
	Linked bool   `json:"linked"`  // every record of the persona is linked to the user
}

// Choice is the answer to choosing a persona.
type Choice struct {
	Persona
	// Start is a fresh one-time link code for the page to send as
	// /start <code>; empty when the persona is linked already.
	Start string `json:"start,omitempty"`
	// More are the codes of the persona's other records not linked yet (the
	// parent's second child), for the page to send after Start, in order.
	More []string `json:"more,omitempty"`
}

// errNoPersona: no persona has the id asked for.
var errNoPersona = errors.New("no such persona")

// record is what the store knows of a persona: who they are and the link
// codes (without hash and times) that link all of them.
type record struct {
	name    diary.Name
	phone   string
	email   string // the roster's address; "" when none
	targets []diary.LinkCode
}

// personaDef is a persona and how to find its record in the store.
type personaDef struct {
	id, title, hint string
	resolve         func(ctx context.Context, st Store, school diary.School) (record, error)
}

// personaDefs are the personas in the order the page lists them.
var personaDefs = []personaDef{
	{"parent", "Родитель двоих детей", "Мама двоих детей: 7А и 3А", parentRecord},
	{"student", "Ученик", "Класс 7А", studentRecord},
	{"teacher", "Учитель-предметник", "Математика в 7А и других классах",
		staffRecord(diary.RoleTeacher, demo.SubjectTeacherExtID)},
	{"class-teacher", "Классный руководитель", "Классный руководитель 7А, русский язык",
		staffRecord(diary.RoleClassTeacher, demo.ClassTeacherExtID)},
	{"deputy", "Завуч", "Заместитель директора, 5–9 классы",
		staffRecord(diary.RoleDeputy, demo.DeputyExtID)},
}

// personaByID returns the persona with id and its user id.
func personaByID(id string) (personaDef, int64, error) {
	for i, d := range personaDefs {
		if d.id == id {
			return d, PersonaUserBase + int64(i) + 1, nil
		}
	}
	return personaDef{}, 0, fmt.Errorf("persona %q: %w", id, errNoPersona)
}

// demoParent returns the demo mother of two and her enrolled children, the
// well-known student first.
func demoParent(ctx context.Context, st Store, school diary.School) (diary.Guardian, []diary.Student, error) {
	gs, err := st.GuardiansByPhone(ctx, demo.ParentPhone)
	if err != nil {
		return diary.Guardian{}, nil, fmt.Errorf("demo parent: %w", err)
	}
	for _, g := range gs {
		if g.SchoolID == school.ID && g.ExtID == demo.ParentExtID {
			kids, err := st.StudentsOfGuardian(ctx, g.ID)
			if err != nil {
				return diary.Guardian{}, nil, fmt.Errorf("demo parent's children: %w", err)
			}
			return g, enrolledFirst(kids), nil
		}
	}
	return diary.Guardian{}, nil, fmt.Errorf("demo parent %s: %w", demo.ParentExtID, diary.ErrNotFound)
}

// enrolledFirst keeps the enrolled students, demo.StudentExtID first.
func enrolledFirst(kids []diary.Student) []diary.Student {
	var first, rest []diary.Student
	for _, k := range kids {
		switch {
		case k.Status == diary.Left:
		case k.ExtID == demo.StudentExtID:
			first = append(first, k)
		default:
			rest = append(rest, k)
		}
	}
	return append(first, rest...)
}

// parentRecord is the mother with a guardian code for each child.
func parentRecord(ctx context.Context, st Store, school diary.School) (record, error) {
	g, kids, err := demoParent(ctx, st, school)
	if err != nil {
		return record{}, err
	}
	rec := record{name: g.Name, phone: g.Phone, email: g.Email}
	for _, k := range kids {
		rec.targets = append(rec.targets, diary.LinkCode{
			SchoolID: school.ID, Kind: diary.LinkGuardian, GuardianID: g.ID, StudentID: k.ID})
	}
	return rec, nil
}

// studentRecord is the well-known student, found among the demo parent's children.
func studentRecord(ctx context.Context, st Store, school diary.School) (record, error) {
	_, kids, err := demoParent(ctx, st, school)
	if err != nil {
		return record{}, err
	}
	for _, k := range kids {
		if k.ExtID == demo.StudentExtID {
			return record{name: k.Name, phone: k.Phone, email: k.Email, targets: []diary.LinkCode{
				{SchoolID: school.ID, Kind: diary.LinkStudent, StudentID: k.ID}}}, nil
		}
	}
	return record{}, fmt.Errorf("demo student %s: %w", demo.StudentExtID, diary.ErrNotFound)
}

// staffRecord finds the staff member with role r and ext id ext.
func staffRecord(r diary.Role, ext string) func(context.Context, Store, diary.School) (record, error) {
	return func(ctx context.Context, st Store, school diary.School) (record, error) {
		staff, err := st.StaffWithRole(ctx, school.ID, r)
		if err != nil {
			return record{}, fmt.Errorf("demo staff %s: %w", ext, err)
		}
		for _, p := range staff {
			if p.ExtID == ext {
				return record{name: p.Name, phone: p.Phone, email: p.Email, targets: []diary.LinkCode{
					{SchoolID: school.ID, Kind: diary.LinkStaff, StaffID: p.ID}}}, nil
			}
		}
		return record{}, fmt.Errorf("demo staff %s: %w", ext, diary.ErrNotFound)
	}
}
