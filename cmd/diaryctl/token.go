package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/schooldiary/diary/internal/diary"
	"github.com/schooldiary/diary/internal/httpapi"
)

const tokenHelp = `Использование:
  diaryctl token create --school КОД [--name НАЗВАНИЕ]
  diaryctl token revoke ID

create выдаёт школе токен для API журнала (POST /api/v1/...) и печатает его
один раз: в базе хранится только его хеш SHA-256. revoke отзывает токен по
номеру, который печатает create.

Usage:
  diaryctl token create --school CODE [--name NAME]
  diaryctl token revoke ID

create issues a school a token for the journal API (POST /api/v1/...) and
prints it once: the store keeps only its SHA-256 hash. revoke revokes a token
by the id create prints.
`

// cmdToken dispatches token create and token revoke.
func cmdToken(ctx context.Context, a *app, args []string) error {
	if len(args) == 0 || isHelp(args[0]) {
		fmt.Fprint(a.stderr, tokenHelp)
		return errUsage
	}
	switch args[0] {
	case "create":
		return tokenCreate(ctx, a, args[1:])
	case "revoke":
		return tokenRevoke(ctx, a, args[1:])
	}
	fmt.Fprintf(a.stderr, "неизвестная команда token %q / unknown token command\n\n%s", args[0], tokenHelp)
	return errUsage
}

func tokenCreate(ctx context.Context, a *app, args []string) error {
	code, name, err := parseTokenCreate(a, args)
	if err != nil {
		return err
	}
	db, err := a.openExisting(ctx, true)
	if err != nil {
		return err
	}
	defer db.Close()
	school, err := a.schoolByCode(ctx, db, code)
	if err != nil {
		return err
	}
	return issueToken(ctx, a, db, school, name)
}

func parseTokenCreate(a *app, args []string) (code, name string, err error) {
	fs := newFlags("token create", tokenHelp, a.stderr)
	fs.StringVar(&code, "school", "", "")
	fs.StringVar(&name, "name", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return "", "", err
	}
	if code == "" {
		fmt.Fprintln(a.stderr, "нужен --school / --school is required")
		return "", "", errUsage
	}
	return code, name, wantArgs(fs, pos, 0, 0)
}

// issueToken stores a new token's hash and prints its secret, once.
func issueToken(ctx context.Context, a *app, db diary.Tokens, school diary.School, name string) error {
	secret, hash, err := httpapi.NewToken()
	if err != nil {
		return err
	}
	tok, err := db.CreateToken(ctx, diary.APIToken{SchoolID: school.ID, Name: name, Hash: hash})
	if err != nil {
		return fmt.Errorf("token create: %w", err)
	}
	fmt.Fprintf(a.stdout, "Токен %d создан для школы %s; сохраните его сейчас, он больше не будет показан.\n"+
		"Token %d created for school %s; keep it now, it will not be shown again.\n%s\n",
		tok.ID, school.Code, tok.ID, school.Code, secret)
	return nil
}

func tokenRevoke(ctx context.Context, a *app, args []string) error {
	fs := newFlags("token revoke", tokenHelp, a.stderr)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs(fs, pos, 1, 1); err != nil {
		return err
	}
	id, err := parseID(pos[0])
	if err != nil {
		return err
	}
	db, err := a.openExisting(ctx, true)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.RevokeToken(ctx, id); errors.Is(err, diary.ErrNotFound) {
		where, whereEn := a.storeName()
		return sentence(err, fmt.Sprintf("Токена %d нет %s: проверьте номер (его печатает token create). %s", id, where, chooseStoreRu),
			fmt.Sprintf("Token %d not found %s: check the id token create printed. %s", id, whereEn, chooseStoreEn))
	} else if err != nil {
		return fmt.Errorf("token revoke: %w", err)
	}
	fmt.Fprintf(a.stdout, "Токен %d отозван / Token %d revoked\n", id, id)
	return nil
}
