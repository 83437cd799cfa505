package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"regexp"
	"strings"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/redact"
)

// userError is what diaryctl prints for a failure: sentences for the person at
// the terminal, Russian first and English after, with the cause kept in the
// chain (errors.Is, errors.As and the exit code still see it).
type userError struct {
	msg string
	err error
}

// Error implements error.
func (e *userError) Error() string { return e.msg }

// Unwrap returns the cause.
func (e *userError) Unwrap() error { return e.err }

// sentence returns a userError with the message ru, then en on a line of its
// own, caused by err (which may be nil).
func sentence(err error, ru, en string) error {
	return &userError{msg: ru + "\n" + en, err: err}
}

// explain is the one place diaryctl turns an error into what it prints: usage
// and help stay as they are, an explained error is shown alone (without the
// prefixes wrapped around it), and any other one is mapped by its diary error
// code (diary.ErrorCode) or kind to a sentence.
func (a *app) explain(err error) error {
	var ue *userError
	switch {
	case err == nil, errors.Is(err, errUsage), errors.Is(err, flag.ErrHelp):
		return err
	case errors.As(err, &ue):
		return ue
	}
	return a.explainKind(err)
}

// explainKind maps an unexplained error by its kind; the technical detail
// follows the sentence, for whoever has to dig further.
func (a *app) explainKind(err error) error {
	detail := redact.Error(err).Error()
	where, whereEn := a.storeName()
	switch {
	case errors.Is(err, context.Canceled):
		return sentence(err, "Команда прервана.", "The command was interrupted.")
	case errors.Is(err, fs.ErrPermission):
		return sentence(err, fmt.Sprintf("Нет доступа к файлу (%s): проверьте владельца и права файла и его папки.", detail),
			fmt.Sprintf("Permission denied (%s): check the owner and mode of the file and its directory.", detail))
	case strings.Contains(detail, "database is locked"):
		return sentence(err, fmt.Sprintf("База %s занята другой программой дольше пяти минут (идёт большой импорт или копия?): повторите позже.", where),
			fmt.Sprintf("The store %s was busy for over five minutes (a long import or backup?): try again later.", whereEn))
	}
	return explainCode(err, detail, where, whereEn)
}

// explainCode maps the diary's error codes to sentences; the detail keeps
// what the chain says of the record, not the code's own text.
func explainCode(err error, detail, where, whereEn string) error {
	var de *diary.Error
	if errors.As(err, &de) {
		detail = stripPrefixes(strings.TrimSuffix(strings.TrimSuffix(detail, de.Error()), ": "))
		if detail == "" || de.Code == diary.EInvalid {
			detail = de.Message
		}
	}
	switch diary.ErrorCode(err) {
	case diary.ENotFound:
		return sentence(err, fmt.Sprintf("Нужной записи нет %s (%s).", where, detail),
			fmt.Sprintf("A record the command needs is not %s (%s).", whereEn, detail))
	case diary.EConflict:
		return sentence(err, fmt.Sprintf("Такая запись уже есть %s (%s).", where, detail),
			fmt.Sprintf("Such a record already exists %s (%s).", whereEn, detail))
	case diary.EInvalid:
		return sentence(err, fmt.Sprintf("Данные отклонены проверкой, ничего не записано (%s).", detail),
			fmt.Sprintf("The data was refused, nothing was written (%s).", detail))
	}
	return sentence(err, fmt.Sprintf("Команда не выполнена из-за сбоя (%s). Если он повторяется, передайте это сообщение разработчикам.", detail),
		fmt.Sprintf("The command failed (%s). If this repeats, pass the message on to the developers.", detail))
}

// rePrefix is a wrapping prefix of Go style: «apply: », «token create: ».
var rePrefix = regexp.MustCompile(`^[a-z][a-z ]*: `)

// stripPrefixes drops the wrapping prefixes that lead s.
func stripPrefixes(s string) string {
	for rePrefix.MatchString(s) {
		s = rePrefix.ReplaceAllString(s, "")
	}
	return s
}
