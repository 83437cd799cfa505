package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"

	"github.com/schooldiary/diary/internal/diary"
)

// apiHandler serves POST /api/v1/<kind>: a JSON body {"items":[…]} applied
// for the token's school with the same validation and idempotency as import.
func (s *server) apiHandler(k kind) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		school, err := s.authenticate(r.Context(), r)
		if errors.Is(err, errUnauthorized) {
			unauthorized(w)
			return
		}
		if err != nil {
			s.internal(w, r, err)
			return
		}
		items, err := decodeItems(w, r, s.cfg.MaxBody)
		if err != nil {
			s.badBody(w, err)
			return
		}
		s.apply(w, r, k, school, items)
	})
}

// apply converts the items into a batch and writes it. When some items are
// malformed nothing is written, but the well-formed ones still go through a
// dry run, so the answer lists the store's problems (unknown students,
// lessons) along with the malformed items'.
func (s *server) apply(w http.ResponseWriter, r *http.Request, k kind, school diary.School, items []json.RawMessage) {
	b, probs := toBatch(k, items)
	b.School = diary.School{Code: school.Code}
	b.AsOf = diary.DateIn(s.cfg.Now(), school.Location())
	if len(probs) > 0 {
		s.invalid(w, k, s.withStoreProblems(r, b, probs))
		return
	}
	res, err := s.cfg.Store.Apply(r.Context(), b, diary.ApplyOptions{})
	var verr *diary.ValidationError
	switch {
	case errors.As(err, &verr):
		s.invalid(w, k, fromValidation(verr))
	case diary.ErrorCode(err) == diary.EInvalid:
		writeError(w, http.StatusBadRequest, domainMessage(err))
	case err != nil:
		s.internal(w, r, err)
	default:
		s.done(w, k, school, res)
	}
}

// withStoreProblems adds to the malformed items' problems those a dry run of
// the well-formed items finds, by item index. A dry run that fails otherwise
// adds nothing: the malformed items are reason enough to refuse.
func (s *server) withStoreProblems(r *http.Request, b *diary.Batch, probs []ItemProblem) []ItemProblem {
	bad := make(map[int]bool, len(probs))
	for _, p := range probs {
		bad[p.Index] = true
	}
	dropItems(b, bad)
	if b.Len() == 0 {
		return probs
	}
	_, err := s.cfg.Store.Apply(r.Context(), b, diary.ApplyOptions{DryRun: true})
	var verr *diary.ValidationError
	if errors.As(err, &verr) {
		probs = append(probs, fromValidation(verr)...)
		sort.SliceStable(probs, func(i, j int) bool { return probs[i].Index < probs[j].Index })
	}
	return probs
}

// domainMessage is the message of the first *diary.Error in err's chain,
// without the wrapping prefixes meant for logs.
func domainMessage(err error) string {
	var e *diary.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}

// done answers 200 with the counts of the kind and records them.
func (s *server) done(w http.ResponseWriter, k kind, school diary.School, res diary.ApplyResult) {
	c := res.Counts[k.name]
	s.metrics.applied(k.name, c)
	s.log.Info("api batch applied", "school", school.Code, "kind", k.name,
		"added", c.Added, "changed", c.Changed, "unchanged", c.Unchanged, "removed", c.Removed)
	writeJSON(w, http.StatusOK, ResultBody{Kind: k.name, Added: c.Added, Changed: c.Changed,
		Unchanged: c.Unchanged, Removed: c.Removed})
}

// invalid answers 400 with every bad item. The items are not logged: they may
// name children.
func (s *server) invalid(w http.ResponseWriter, k kind, probs []ItemProblem) {
	s.log.Info("api batch refused", "kind", k.name, "problems", len(probs))
	writeJSON(w, http.StatusBadRequest, ErrorBody{
		Error: fmt.Sprintf("ошибок в данных: %d; ничего не записано", len(probs)),
		Items: probs,
	})
}

// internal answers 500 and logs the cause.
func (s *server) internal(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("api request failed", "route", r.Pattern, "err", err)
	writeError(w, http.StatusInternalServerError, "внутренняя ошибка сервера; попробуйте позже")
}

// bodyError is a body the API cannot read.
type bodyError struct {
	code int
	msg  string
}

func (e *bodyError) Error() string { return e.msg }

// badBody answers the status a bodyError carries.
func (s *server) badBody(w http.ResponseWriter, err error) {
	var be *bodyError
	if !errors.As(err, &be) {
		be = &bodyError{http.StatusBadRequest, err.Error()}
	}
	writeError(w, be.code, be.msg)
}

// decodeItems reads {"items":[…]} of at most max bytes, nothing else.
func decodeItems(w http.ResponseWriter, r *http.Request, max int64) ([]json.RawMessage, error) {
	var body struct {
		Items *[]json.RawMessage `json:"items"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, max))
	dec.DisallowUnknownFields()
	err := dec.Decode(&body)
	if err == nil {
		err = expectEOF(dec)
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return nil, &bodyError{http.StatusRequestEntityTooLarge,
			fmt.Sprintf("тело запроса больше %d байт; разделите данные на части", max)}
	case err != nil:
		return nil, &bodyError{http.StatusBadRequest,
			"тело запроса должно быть JSON-объектом {\"items\": [...]} и ничем больше: " + err.Error()}
	case body.Items == nil:
		return nil, &bodyError{http.StatusBadRequest, "нет поля items: ожидается {\"items\": [...]}"}
	}
	return *body.Items, nil
}

// expectEOF checks nothing follows the JSON object.
func expectEOF(dec *json.Decoder) error {
	err := dec.Decode(&struct{}{})
	var tooBig *http.MaxBytesError
	switch {
	case err == io.EOF:
		return nil
	case errors.As(err, &tooBig):
		return err
	}
	return errors.New("после JSON-объекта есть ещё данные")
}

// toBatch reads every item, collecting every problem, including an item
// that repeats an earlier one's record.
func toBatch(k kind, raws []json.RawMessage) (*diary.Batch, []ItemProblem) {
	b := &diary.Batch{}
	var probs []ItemProblem
	seen := map[string]int{}
	for i, raw := range raws {
		it := &item{idx: i, probs: &probs}
		if err := json.Unmarshal(raw, &it.m); err != nil || it.m == nil {
			it.fail("", "элемент должен быть JSON-объектом")
			continue
		}
		it.checkFields(k.fields)
		k.add(it, diary.Source{File: k.name, Line: i}, b)
		if key := k.key(it); key != "" {
			if first, dup := seen[key]; dup {
				it.fail(k.fields[0], fmt.Sprintf("повторяет элемент %d", first))
				continue
			}
			seen[key] = i
		}
	}
	return b, probs
}

// fromValidation turns the store's problems into the API's.
func fromValidation(v *diary.ValidationError) []ItemProblem {
	probs := make([]ItemProblem, 0, len(v.Items))
	for _, e := range v.Items {
		probs = append(probs, ItemProblem{Index: e.Src.Line, Field: e.Field, Error: e.Msg})
	}
	return probs
}
