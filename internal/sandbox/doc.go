// Package sandbox serves the sandbox's web chat: a Telegram-like page where a
// person picks a persona of the demo school (a parent of two children, a
// student, a subject teacher, a class teacher, the deputy director) and talks
// to the bot with real buttons, through the Bot API emulator's user side.
//
// Handler serves, on one listener:
//
//	GET  /                       the chat page (embedded HTML, CSS and vanilla JS)
//	GET  /sandbox/app.js, app.css  its script and style
//	GET  /sandbox/personas       {bot, personas: [Persona…]}
//	POST /sandbox/persona/{id}   Choice: the persona's emulator user, and a
//	                             one-time link code to send as /start <code>
//	                             while the persona is not linked yet
//	/emulator/…, /bot<token>/…   the emulator (its user side and its Bot API)
//
// The page talks only to these endpoints; it long-polls the emulator's
// /emulator/chats/{id}/wait for changes. It renders the bot's Telegram HTML
// by parsing it into an inert document and rebuilding only Telegram's tags
// (b, i, u, s, code, pre, a, blockquote, tg-spoiler and their aliases) with
// fresh elements; everything else is shown as text. A Content-Security-Policy
// allows scripts from the page's own origin only.
//
// Each persona has a fixed Telegram user id (PersonaUserBase and up), so its
// links in the store still hold after a restart of the sandbox. A link code is
// minted only when the persona has a record not linked to its user yet (the
// parent: each child in turn); codes are never logged.
package sandbox
