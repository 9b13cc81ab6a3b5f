package corpus

// The words pages are made of: plain, on the guide's subject, and chosen so
// that any pick makes a grammatical sentence (subjects take the verb's base
// form).
var (
	subjects = []string{
		"You", "We", "Both of you", "Many couples", "Some people", "Partners", "Most readers", "They",
		"Counsellors", "Friends",
	}
	verbs = []string{
		"notice", "write down", "ask about", "listen to", "answer", "wait for", "explain", "repeat",
		"choose", "share", "keep", "repair", "name", "accept", "remember", "plan", "check", "admit",
		"offer", "return to", "agree on", "talk about", "read", "open", "close", "soften", "change",
		"learn from", "mention", "protect", "respect", "forgive", "question", "honour", "rebuild",
	}
	nouns = []string{
		"promise", "evening", "question", "answer", "letter", "walk", "kitchen", "phone", "message",
		"week", "morning", "friend", "family", "silence", "apology", "habit", "boundary",
		"conversation", "feeling", "memory", "weekend", "plan", "list", "routine", "notebook",
		"moment", "step", "change", "doubt", "fear", "hope", "relief", "home", "dinner", "door",
		"table", "story", "reason", "mistake", "truth", "secret", "calendar", "budget", "pause",
		"breath", "voice", "word", "agreement", "argument", "visit", "holiday", "bedtime", "promise",
	}
	adjectives = []string{
		"small", "honest", "quiet", "hard", "calm", "slow", "clear", "simple", "gentle", "steady",
		"kind", "open", "careful", "short", "long", "difficult", "tired", "patient", "real", "warm",
		"plain", "shared", "old", "new", "painful", "hopeful", "fragile", "safe", "awkward", "useful",
	}
	adverbs = []string{
		"slowly", "honestly", "gently", "again", "together", "quietly", "carefully", "clearly",
		"first", "openly", "calmly", "kindly",
	}
	times = []string{
		"today", "this week", "tonight", "after dinner", "on Sunday", "before bed", "in the morning",
		"once a week", "for a month", "next time", "every day", "when you are ready",
	}
	quoted = []string{
		"I need a minute", "Thank you for telling me", "I am listening", "Can we talk later?",
		"I was wrong", "Tell me more", "That hurt", "I want to understand",
	}
	people    = []string{"a reader", "a counsellor", "a partner", "a friend", "an old letter"}
	audiences = []string{"both", "hurt-partner", "partner-who-broke-trust"}
	scales    = []string{"[1-10: not at all | completely]", "[0-10: not at all | very]", "[1-5: never | always]"}
)
