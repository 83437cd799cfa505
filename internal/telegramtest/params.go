package telegramtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// params are the fields of one Bot API request, whatever its encoding. JSON
// objects and arrays are kept as their JSON text, as multipart carries them.
type params struct {
	values map[string]string
	files  map[string]upload
}

// upload is a file sent in a multipart request.
type upload struct {
	name string
	data []byte
}

// readParams reads the query string and a JSON, urlencoded or multipart body.
func readParams(w http.ResponseWriter, r *http.Request, maxBytes int64) (params, error) {
	p := params{values: map[string]string{}, files: map[string]upload{}}
	for k, v := range r.URL.Query() {
		p.values[k] = v[0]
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBytes))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return p, &apiError{Code: http.StatusRequestEntityTooLarge, Description: "Request Entity Too Large"}
	}
	if err != nil || len(bytes.TrimSpace(body)) == 0 {
		return p, nil // an empty body (go-telegram's getMe) has no fields
	}
	ct, ctParams, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "application/json":
		return p, p.readJSON(body)
	case "multipart/form-data":
		return p, p.readMultipart(body, ctParams["boundary"])
	default:
		return p, p.readForm(body)
	}
}

func (p params) readJSON(body []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return badRequest("can't parse JSON object")
	}
	for k, raw := range m {
		var s string
		switch {
		case string(raw) == "null":
		case json.Unmarshal(raw, &s) == nil:
			p.values[k] = s
		default:
			p.values[k] = string(raw)
		}
	}
	return nil
}

func (p params) readForm(body []byte) error {
	vals, err := url.ParseQuery(string(body))
	if err != nil {
		return badRequest("can't parse form data")
	}
	for k, v := range vals {
		p.values[k] = v[0]
	}
	return nil
}

func (p params) readMultipart(body []byte, boundary string) error {
	form, err := multipart.NewReader(bytes.NewReader(body), boundary).ReadForm(int64(len(body)) + 1)
	if err != nil {
		return badRequest("can't parse multipart form data")
	}
	defer func() { _ = form.RemoveAll() }() // all in memory: nothing to remove
	for k, v := range form.Value {
		p.values[k] = v[0]
	}
	for k, fhs := range form.File {
		data, err := readPart(fhs[0])
		if err != nil {
			return badRequest("can't read uploaded file")
		}
		p.files[k] = upload{name: fhs[0].Filename, data: data}
	}
	return nil
}

func readPart(fh *multipart.FileHeader) ([]byte, error) {
	f, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// str is the value of k, "" when absent.
func (p params) str(k string) string { return p.values[k] }

// has tells whether k was sent.
func (p params) has(k string) bool {
	_, ok := p.values[k]
	return ok
}

// boolean reads k as Telegram does: true, True, 1.
func (p params) boolean(k string) bool {
	v := strings.ToLower(p.values[k])
	return v == "true" || v == "1"
}

// integer reads k; absent is 0.
func (p params) integer(k string) (int64, error) {
	v, ok := p.values[k]
	if !ok || v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil {
		return 0, badRequest("invalid " + k + " specified")
	}
	return n, nil
}

// chatID reads chat_id. Only numeric ids are known to the emulator.
func (p params) chatID() (int64, error) {
	v := strings.TrimSpace(p.values["chat_id"])
	if v == "" {
		return 0, badRequest("chat_id is empty")
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, errChatNotFound
	}
	return id, nil
}

// messageID reads message_id, which must be given.
func (p params) messageID() (int, error) {
	id, err := p.integer("message_id")
	if err != nil || id == 0 {
		return 0, badRequest("message identifier is not specified")
	}
	return int(id), nil
}

// json decodes k into dst; ok is false when k is absent.
func (p params) json(k string, dst any) (ok bool, err error) {
	v, ok := p.values[k]
	if !ok || v == "" {
		return false, nil
	}
	return true, json.Unmarshal([]byte(v), dst)
}
