// Package telegramtest is an emulator of the Telegram Bot API: the subset the
// diary bot uses, with Telegram's limits and refusals, and a user side that
// tests (and the sandbox's web chat page) drive to act as people.
//
// The bot reaches it as it would reach api.telegram.org, through
// go-telegram/bot's WithServerURL:
//
//	tg := telegramtest.New(telegramtest.Options{Now: clock.Now})
//	defer tg.Close()
//	b, err := bot.New(tg.Token(), bot.WithServerURL(tg.URL()), bot.WithDefaultHandler(h))
//	go b.Start(ctx) // long polling; or SetWebhook and serve b.WebhookHandler()
//
//	parent, _ := tg.AddUser(telegramtest.User{FirstName: "Анна", Phone: "+79120001122"})
//	tg.Start(parent.ID, "Ab3xY9")                  // /start with a deep-link payload
//	msg, err := tg.NextBotMessage(ctx, parent.ID)  // blocks until the bot answers
//	id, _ := tg.PressButton(parent.ID, parent.ID, msg.ID, "Оценки")
//	answer, _ := tg.WaitCallbackAnswer(ctx, id)
//
// # Bot API side
//
// Requests go to /bot<token>/<method> as JSON, application/x-www-form-urlencoded
// or multipart/form-data (go-telegram/bot always uses multipart), by GET or POST.
// Method names are case-insensitive, as in Telegram. Served methods: getMe,
// getUpdates, setWebhook, deleteWebhook, getWebhookInfo, sendMessage,
// editMessageText, editMessageReplyMarkup, deleteMessage, answerCallbackQuery,
// sendDocument, sendPhoto, getFile, setMyCommands, getMyCommands,
// deleteMyCommands. A wrong token gets 401 Unauthorized; an unknown method 404
// Not Found. getFile gives a file_path (up to 20 MB, "file is too big" above)
// whose bytes are served at /file/bot<token>/<file_path>, as
// go-telegram/bot's FileDownloadLink builds it; files the users and the bot
// sent alike.
//
// The emulator refuses what Telegram refuses (see reject_test.go for the whole
// table): empty text and text longer than 4096 after entity parsing (counted in
// UTF-16 code units, which is never less than Telegram's count, so a bot that
// passes here passes there; captions 1024); bad HTML in parse_mode HTML with
// tdlib's messages ("Bad Request: can't parse entities: Unsupported start tag
// "x" at byte offset N", unclosed and mis-nested tags); callback_data outside
// 1–64 bytes (BUTTON_DATA_INVALID); unknown chats ("chat not found"); users who
// blocked the bot or never started it (403). It is stricter than Telegram in one
// place on purpose: a bare '&' that does not start &lt; &gt; &amp; &quot; or a
// numeric reference is refused ("Unsupported HTML entity"), because a bot that
// does not escape '&' will sooner or later send a '<' unescaped too. Markdown
// parse modes are accepted but not parsed. Description strings other than the
// ones above approximate Telegram's.
//
// Sending (sendMessage, sendDocument, sendPhoto) is rate limited by Options.Limits
// (default 30 messages/s per bot, 1/s per private chat with bursts of 3, 20/min per
// group) with 429 and parameters.retry_after, on the injected clock Options.Now.
// Edits and deletions are not limited.
//
// Edits (editMessageText, editMessageReplyMarkup) follow Telegram's rules: only
// the bot's own messages in a chat it may write to ("message can't be edited"
// for a user's message), "message is not modified" when the text, its entities
// and the inline keyboard would stay the same, editMessageText without
// reply_markup drops the inline keyboard, and a message older than MaxEditAge
// (48 hours on the injected clock) can no longer be edited ("message can't be
// edited"), like one older than MaxDeleteAge can no longer be deleted.
//
// getUpdates long-polls (it wakes as soon as an update arrives), confirms updates
// below offset, answers 409 while a webhook is set, and a newer getUpdates
// terminates an older waiting one with 409 as Telegram does. With a webhook set
// the emulator POSTs updates one at a time, in order, with the
// X-Telegram-Bot-Api-Secret-Token header, and retries a failed delivery after
// Options.WebhookRetryDelay; http URLs are accepted as well as https.
//
// Outages on demand: Fail makes one method fail (500 or another status, 429
// with retry_after, or a connection closed without an answer) for a number of
// calls or until Heal; a getUpdates already waiting fails at once; Failed
// counts the calls a fault has failed.
//
// # User side
//
// In Go: AddUser, AddGroup, SendText, SendGroupText, Start, ShareContact,
// SendContact, SendDocument, SendPhoto (a file from the user, with a caption;
// not served under /emulator/ yet), PressKeyboard, Press, PressButton, Block,
// Unblock; and to read:
// Messages, BotMessages, Keyboard, View, NextBotMessage, NextBotChange (new
// messages and edits in order), WaitChat,
// WaitCallbackAnswer, File, Commands, CommandsFor. Blocking and unblocking send
// the bot a my_chat_member update, as Telegram does. The same actions are served
// as JSON under /emulator/ (see emulator_http.go) for the sandbox's chat page.
//
// Message ids grow by one per chat; dates come from Options.Now. Everything is
// safe for concurrent use.
package telegramtest
