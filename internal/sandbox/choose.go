package sandbox

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"time"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/telegramtest"
)

// codeTTL is how long a sandbox link code lives: the page sends it at once.
const codeTTL = 24 * time.Hour

// list returns every persona with its user and link state.
func (s *server) list(ctx context.Context) ([]Persona, error) {
	school, err := s.cfg.Store.SchoolByCode(ctx, s.cfg.SchoolCode)
	if err != nil {
		return nil, fmt.Errorf("school %s: %w", s.cfg.SchoolCode, err)
	}
	out := make([]Persona, 0, len(personaDefs))
	for _, d := range personaDefs {
		p, rec, err := s.persona(ctx, d.id, school)
		if err != nil {
			return nil, err
		}
		if _, ok := s.cfg.Emulator.User(p.UserID); !ok {
			p.UserID = 0
		}
		pending, err := s.pendingTargets(ctx, p.UserID, rec)
		if err != nil {
			return nil, err
		}
		p.Linked = len(pending) == 0
		out = append(out, p)
	}
	return out, nil
}

// persona returns the persona with id and its record in school.
func (s *server) persona(ctx context.Context, id string, school diary.School) (Persona, record, error) {
	d, uid, err := personaByID(id)
	if err != nil {
		return Persona{}, record{}, err
	}
	rec, err := d.resolve(ctx, s.cfg.Store, school)
	if err != nil {
		return Persona{}, record{}, fmt.Errorf("persona %s: %w", id, err)
	}
	return Persona{ID: d.id, Title: d.title, Hint: d.hint, Name: rec.name.Full(), UserID: uid}, rec, nil
}

// pick makes the persona's emulator user (once) and, for each record of
// the persona not linked to that user yet, a fresh link code: the parent of
// two gets one for each child.
func (s *server) pick(ctx context.Context, id string) (Choice, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	school, err := s.cfg.Store.SchoolByCode(ctx, s.cfg.SchoolCode)
	if err != nil {
		return Choice{}, fmt.Errorf("school %s: %w", s.cfg.SchoolCode, err)
	}
	p, rec, err := s.persona(ctx, id, school)
	if err != nil {
		return Choice{}, err
	}
	if err := s.ensureUser(p.UserID, rec); err != nil {
		return Choice{}, err
	}
	targets, err := s.pendingTargets(ctx, p.UserID, rec)
	if err != nil || len(targets) == 0 {
		p.Linked = err == nil
		return Choice{Persona: p}, err
	}
	codes := make([]string, len(targets))
	for i, t := range targets {
		if codes[i], err = s.mint(ctx, t); err != nil {
			return Choice{}, err
		}
	}
	return Choice{Persona: p, Start: codes[0], More: codes[1:]}, nil
}

// pendingTargets returns the codes of rec whose person is not linked to
// user uid yet, in the record's order.
func (s *server) pendingTargets(ctx context.Context, uid int64, rec record) ([]diary.LinkCode, error) {
	var links []diary.Link
	if uid != 0 {
		var err error
		if links, err = s.cfg.Store.ActiveLinks(ctx, uid); err != nil {
			return nil, fmt.Errorf("persona links: %w", err)
		}
	}
	var out []diary.LinkCode
	for _, t := range rec.targets {
		if !linkedTo(links, t) {
			out = append(out, t)
		}
	}
	return out, nil
}

// ensureUser adds the persona's user to the emulator unless it is there.
func (s *server) ensureUser(uid int64, rec record) error {
	if _, ok := s.cfg.Emulator.User(uid); ok {
		return nil
	}
	_, err := s.cfg.Emulator.AddUser(telegramtest.User{
		ID: uid, FirstName: rec.name.First, LastName: rec.name.Last, Phone: rec.phone, LanguageCode: "ru",
	})
	if err != nil && !errors.Is(err, telegramtest.ErrUserExists) {
		return fmt.Errorf("persona user: %w", err)
	}
	return nil
}

// linkedTo reports whether one of links binds the person code t names.
func linkedTo(links []diary.Link, t diary.LinkCode) bool {
	for _, l := range links {
		if l.Active() && l.Kind == t.Kind && l.GuardianID == t.GuardianID &&
			l.StudentID == t.StudentID && l.StaffID == t.StaffID {
			return true
		}
	}
	return false
}

// mint stores a fresh one-time code for t and returns the code itself.
func (s *server) mint(ctx context.Context, t diary.LinkCode) (string, error) {
	src := s.cfg.Rand
	if src == nil {
		src = rand.Reader
	}
	code, err := diary.NewLinkCode(src)
	if err != nil {
		return "", fmt.Errorf("persona code: %w", err)
	}
	now := s.cfg.Now().UTC()
	t.Hash, t.CreatedAt, t.ExpiresAt = diary.HashCode(code), now, now.Add(codeTTL)
	if err := s.cfg.Store.CreateLinkCodes(ctx, []diary.LinkCode{t}); err != nil {
		return "", fmt.Errorf("persona code: %w", err)
	}
	return code, nil
}
