"""How people slip: refusals, concealment, blame, judgements, money, staffing, sales, swearing.

Each family is a set of patterns over folded text (see ``normalize``), written for the kinds
of thing people type, not for particular sentences: a subject, a negation, a verb of doing
the work; "keep it quiet" in its many forms; an insult aimed at people. Matching ignores case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from actionplan.guard.normalize import fold
from actionplan.guard.rules import Context, Hits, compile_family

Span = tuple[str, int, int]

_W = r"[\w'-]+"  # one word
_GAP = r"(?:\s+[\w'-]+){0,3}?"  # up to three words between
_WE = (
    r"(?:we|we'?re|we'?ll|we'?ve|i|i'?m|i'?ll|us|our\s+(?:team|side|engineers?|devs?|guys)|"
    r"the\s+team|nobody|no\s*-?\s*one|none\s+of\s+us|dev(?:s|\s+team)?|engineering|product|"
    r"management|they)"
)
_NOT = (
    r"(?:won'?t|will\s+not|wont|ain'?t|aren'?t|are\s+not|am\s+not|isn'?t|is\s+not|not|never|"
    r"don'?t|do\s+not|shan'?t|have\s+no|has\s+no|no)"
)
_DO_WORK = (
    r"(?:fix(?:ing|ed)?|patch(?:ing)?|support(?:ing)?|deliver(?:ing)?|priorit[iy][sz]?\w*|"
    r"look(?:ing)?\s+(?:at|into)|touch(?:ing)?|bother(?:ing)?|do(?:ing)?\s+(?:it|this|that|"
    r"anything|any\s+more)|get(?:ting)?\s+(?:to|round\s+to|around\s+to)|resolv\w*|address\w*|"
    r"sort(?:ing)?\s+(?:it|this|that|out)|spend(?:ing)?\s+(?:another\s+|any\s+more\s+|more\s+|any\s+|"
    r"a\s+single\s+|a\s+)?(?:time|effort|hours?|minutes?|seconds?|money|days?|energy|\w+)|re-?do\w*|"
    r"work(?:ing)?\s+on|investigat\w*|chas(?:e|ing)|honou?r\w*|action(?:ing)?|progress(?:ing)?|"
    r"pick(?:ing)?\s+(?:it|this|that)\s+up|follow(?:ing)?\s+up|escalat\w*|start(?:ing)?|"
    r"test(?:ing)?|replac\w*|upgrad\w*|implement\w*|build(?:ing)?|ship(?:ping)?|roll(?:ing)?\s+out)"
)

REFUSAL = compile_family(
    # a subject, a negation, then doing the work: "we're not going to fix", "nobody will touch"
    _WE + r"\s+(?:\w+\s+){0,2}?" + _NOT + r"(?:\s+(?:be|going\s+to|gonna|planning\s+(?:on|to)|"
    r"plan\s+(?:on|to)|intending\s+to|intend\s+to|want\s+to|have\s+time\s+to|bother(?:ing)?\s+"
    r"to|get(?:ting)?\s+round\s+to|actually|really|ever|even|realistically|likely\s+to|"
    r"prepared\s+to|willing\s+to|interested\s+in|about\s+to|able\s+to\s+be\s+bothered\s+to))*"
    r"\s+" + _DO_WORK,
    # no subject: "Not going to fix it", "won't be touching that", "never fixing this"
    r"(?:not|never|no\s+one'?s|nobody'?s|won'?t\s+be|not\s+gonna|ain'?t)\s+(?:going\s+to\s+|"
    r"gonna\s+|planning\s+to\s+|bothering\s+to\s+|be\s+)?"
    + _DO_WORK
    + r"(?:\s+(?:it|this|that|them|these|those|the\s+\w+)\b)?",
    r"(?:will|would|'ll)\s+never\s+" + _DO_WORK,
    r"won'?t[\s-]*fix|wont-?fix|will\s+not\s+fix|not\s+fixing|no\s+fix\s+(?:planned|coming|ever)",
    r"(?:not|no\s+longer|never)\s+(?:a|our|my|the)\s+(?:priority|concern)|not\s+(?:our|my)\s+problem"
    r"(?:\s+(?:for|of)\s+(?:us|ours|me|the\s+team))?",
    r"low(?:est)?\s+priority\s+for\s+us|bottom\s+of\s+(?:the|our|my)\s+(?:list|pile|backlog|queue)",
    r"(?:park|shelv|bin|ditch|drop|kill|bury|scrap|sideline|deprioriti[sz])\w*\s+"
    r"(?:[\w'-]+\s+){1,4}?(?:indefinitely|for\s+good|forever|for\s+ever|"
    r"quietly|permanently|for\s+now\s+and\s+forget|until\s+they\s+(?:complain|chase|notice|ask))",
    r"quietly\s+(?:drop|park|shelve|close|bin|ditch|let|forget|deprioriti[sz]e|sideline)\w*",
    r"(?:back|bottom)\s*-?\s*burner|kick(?:ing)?\s+(?:it|this|the\s+can)\s+down\s+the\s+road",
    r"(?:let|leave)\s+(?:it|this|that|them)\s+(?:rot|slide|die|sit|fester|lapse|go\s+stale)",
    r"(?:never|not)\s+(?:going\s+to|gonna)\s+happen|(?:ain'?t|not)\s+happening",
    r"no\s+(?:chance|hope|way)\s+(?:in\s+hell\s+)?(?:we|i|this|that|it|they|of\s+(?:us|that|"
    r"this|it|fixing|getting|doing)|before|by|in\s+hell|jose)",
    r"not\s+a\s+(?:chance|hope)|(?:fat|zero|no)\s+chance\b",
    r"not\s+(?:in\s+)?(?:this|a)\s+(?:lifetime|million\s+years|century)|when\s+hell\s+freezes",
    r"not\s+worth\s+(?:the|our|my|any)\s+(?:effort|time|hassle|trouble|bother)|"
    r"not\s+worth\s+(?:fixing|doing|bothering|it\s+for)",
    r"(?:waste|wasting)\s+(?:of\s+)?(?:our\s+|my\s+)?(?:time|effort|resources)",
    r"(?:let|make)\s+(?:them|the\s+client|the\s+customer|him|her)\s+(?:wait|sweat|chase)",
    r"(?:stall|string|fob|palm)\w*\s+(?:them|the\s+client|the\s+customer|him|her)"
    r"(?:\s+(?:along|off|for))?",
    r"(?:drag|dragging)\s+(?:our|my)\s+(?:feet|heels)|slow[\s-]*walk\w*|run\s+(?:out\s+)?the\s+clock",
    r"(?:stop|pause|freeze)\w*\s+the\s+(?:sla|clock|timer)|"
    r"(?:auto-?close|close)\w*\s+(?:it|the\s+ticket|this|them)\s+(?:anyway|regardless|if\s+they|"
    r"when\s+they|before|as\s+(?:resolved|fixed|no\s+response))",
    r"(?:mark|set|flag)\w*\s+(?:it|this|the\s+ticket)\s+(?:as\s+)?(?:resolved|fixed|done|"
    r"closed)\s+(?:anyway|regardless|even\s+though|without|before)",
    r"(?:won'?t|not|never)\s+(?:be\s+)?(?:getting|get)\s+(?:round|around|to)\s+(?:to\s+)?"
    r"(?:it|this|that)",
    r"(?:ignore|ignoring)\s+(?:it|this|them|their|the\s+(?:ticket|request|email|client|alerts?))",
    r"(?:no|zero)\s+(?:intention|plans?|appetite|interest)\s+(?:of|to|in|for)\s+"
    r"(?:fix|support|deliver|do|touch|upgrad|replac|work|action|address|pursu|chas)\w*",
    r"(?:pretend|act\s+like|act\s+as\s+if)\s+(?:we|it|this|that)",
    r"(?:as\s+)?(?:little|minimum|bare\s+minimum)\s+(?:as\s+possible\s+)?effort|"
    r"(?:do|doing)\s+the\s+(?:bare\s+)?minimum",
    r"(?:fake|bogus|made[\s-]up)\s+(?:vendor|eta|date|reason|excuse|delay|part)",
    r"(?:say|tell\s+\w+|claim)\s+(?:we'?re|we\s+are|it'?s|it\s+is)\s+(?:waiting|awaiting)\s+"
    r"(?:on\s+)?(?:a\s+|the\s+)?(?:vendor|part|supplier|parts|microsoft)",
)

CONCEALMENT = compile_family(
    # "don't tell / mention / admit …": disclosure itself is the point (not "your password")
    r"(?:don'?t|do\s+not|dont|never|no\s+need\s+to|not\s+to|shouldn'?t|should\s+not|"
    r"mustn'?t|must\s+not|better\s+not|let'?s\s+not|won'?t|wouldn'?t)\s+"
    r"(?:\w+\s+)?(?:tell|mention|inform|bring\s+up|admit|disclose|reveal|volunteer|"
    r"let\s+(?:on|slip)|let\s+(?:them|the\s+client|the\s+customer|him|her|anyone)\s+"
    r"(?:know|see|find\s+out))"
    r"(?!\s+(?:your|you|yours)\b)(?:\s+(?:this|that|it|them|the\s+client|the\s+customer|him|"
    r"her|anyone|to|in|about|on))?",
    # "don't send / show / share / cc …" only when what is kept back is this, or from them
    r"(?:don'?t|do\s+not|dont|never|no\s+need\s+to|not\s+to|shouldn'?t|should\s+not|"
    r"mustn'?t|must\s+not|better\s+not|let'?s\s+not)\s+(?:\w+\s+)?(?:share|forward|send|"
    r"show|raise|flag|explain|put|include|cc|copy|loop\s+in)\s+(?:this|that|it|them|the\s+"
    r"(?:client|customer|report|numbers|logs|details|rca|root\s+cause|real\s+\w+))\b"
    r"(?:\s+(?:to|with|in|on|into)\s+(?:them|the\s+client|the\s+customer|the\s+\w+))?",
    r"keep\w*\s+(?:this|it|that|them|things|the\s+\w+)?\s*(?:quiet|hush|hushed|"
    r"under\s+wraps|between\s+(?:us|ourselves)|internal|in-?house|to\s+ourselves|off\s+the\s+"
    r"(?:record|report|radar|books|summary|update|notes?|invoice)|out\s+of\s+(?:the|their)\s+"
    r"(?:report|summary|update|loop|notes?)|from\s+(?:them|the\s+client|the\s+customer|him|her)|"
    r"vague|low-?key|on\s+the\s+down-?low|in\s+the\s+dark)",
    r"keep\w*\s+(?:them|the\s+client|the\s+customer|him|her)\s+in\s+the\s+dark",
    r"keep\w*\s+(?:quiet|schtum|shtum|mum)|(?:stay|staying)\s+(?:quiet|schtum|shtum|mum)",
    r"between\s+(?:us|ourselves|you\s+and\s+me|you\s+and\s+i)(?:\s+(?:girls|guys|two))?",
    r"(?:they|the\s+client|the\s+customer|he|she|client)\s+(?:don'?t|doesn'?t|do\s+not|"
    r"does\s+not|won'?t|will\s+not|needn'?t|need\s+not|never)\s+(?:need\s+to\s+|have\s+to\s+)?"
    r"(?:know|find\s+out|notice|see|hear|realise|realize|spot|check|ask|read)",
    r"(?:hope|hopefully|pray|fingers\s+crossed)\s+(?:they|the\s+client|he|she|nobody|no\s+one)"
    r"\s+(?:don'?t|doesn'?t|won'?t|never|does\s+not|do\s+not)?\s*(?:notice|ask|check|find|spot)",
    r"before\s+(?:they|the\s+client|anyone|he|she)\s+(?:notice|find|spot|realise|realize|ask)\w*",
    r"(?:off|keep\s+it\s+off)\s+the\s+record|not\s+for\s+(?:the\s+)?(?:client|customer)'?s?"
    r"(?:\s+eyes)?|need[\s-]to[\s-]know(?:\s+basis)?|for\s+internal\s+(?:use|eyes|purposes)|"
    r"(?<![\"'])internal(?:\s+use)?\s+only(?![\"']|\s+(?:label|tag|sensitivity|classification|"
    r"marking|setting|policy))|(?:strictly|highly)\s+confidential",
    r"(?:leave|take|keep)\s+(?:it|this|that|them)\s+(?:out\s+of|off)\s+(?:the|their|our|any)\s+"
    r"(?:report|summary|update|notes?|minutes|email|invoice|deck|qbr)",
    r"(?:say|tell\s+(?:them|the\s+client|the\s+customer|him|her)|claim|call\s+it|spin\s+it\s+as|"
    r"put\s+it\s+down\s+(?:to|as)|frame\s+it\s+as|log\s+it\s+as|present\s+it\s+as|"
    r"pass\s+it\s+off\s+as|describe\s+it\s+as|record\s+it\s+as|write\s+it\s+up\s+as)"
    r"\s+(?:that\s+)?(?:it\s+|it'?s\s+|it\s+was\s+|it\s+is\s+|this\s+was\s+|we\s+had\s+|was\s+)?"
    r"(?:a\s+|an\s+|the\s+)?(?:scheduled|planned|routine|vendor|supplier|microsoft|isp|"
    r"network|power|maintenance|known\s+issue|glitch|one-?off|their|user\s+error|hardware|"
    r"outage|upstream|third[\s-]party|fine|sorted|done|fixed|resolved|in\s+progress|on\s+track|"
    r"being\s+(?:tested|worked)|an?\s+upgrade|an?\s+update)",
    r"if\s+(?:they|the\s+client|the\s+customer|anyone|he|she|asked)\s+(?:ask|asks|query|"
    r"queries|push|pushes|chase|chases|question|questions|want|wants|enquire|enquires)",
    r"(?:play|playing)\s+(?:it|this|that)\s+down|play\s+dumb|cover\s*-?\s*(?:it|this|that)?\s*up|"
    r"sweep\w*\s+(?:it|this|that)\s+under|(?:hide|hiding|bury|burying|gloss\w*\s+over|fudge|"
    r"fudging|fudged|massag\w*|doctor\w*|sanitis\w*|sanitiz\w*|tweak\w*)\s+(?:it|this|that|"
    r"the\s+(?:numbers|figures|stats|report|logs?|dates?|timeline|uptime|results?|"
    r"incident|outage|failure|sla))",
    r"(?:they|the\s+client|he|she|nobody|no\s+one)\s+(?:will\s+)?never\s+know",
    r"(?:what|than)\s+(?:they|the\s+client)\s+(?:know|knows|don'?t\s+know)",
    r"don'?t\s+(?:put|write)\s+(?:this|that|it)\s+in\s+(?:writing|an?\s+email)",
    r"(?:not|don'?t)\s+(?:say|mention)\s+(?:anything|a\s+word)",
    r"(?:quietly|silently|secretly|discreetly)\s+(?:fix|patch|restor|roll|revert|chang|updat|"
    r"redo|reboot|restart|apply|re-?run)\w*",
    r"(?:hasn'?t|have\s+not|haven'?t|has\s+not|never)\s+(?:actually\s+)?(?:been\s+)?"
    r"(?:told|informed|made\s+aware)\s+(?:them|the\s+client|the\s+customer)?",
)

BLAME = compile_family(
    r"(?:blame|pin|put|push|shift|lay|dump|offload)\w*\s+(?:it|this|that|the\s+(?:blame|outage|"
    r"delay|issue|failure|problem|incident|breach|downtime|responsibility|liability|fault|"
    r"cost))\s+(?:on|onto|on\s+to)",
    r"(?:say|tell\s+(?:them|the\s+client|him|her)|claim|make\s+out|imply|suggest)\s+(?:that\s+)?"
    r"(?:it'?s|it\s+(?:is|was)|this\s+(?:is|was))\s+(?:the\s+)?(?:vendor|supplier|microsoft|"
    r"isp|their|his|her|a\s+\w+)\w*'?s?\s+(?:fault|problem|issue|doing|mistake|error|side)",
    r"(?:not|isn'?t|wasn'?t|never)\s+(?:really\s+)?our\s+(?:fault|problem|issue|mistake|doing)",
    r"(?:their|his|her|the\s+vendor'?s|the\s+client'?s|microsoft'?s|the\s+isp'?s)\s+"
    r"(?:fault|problem\s+not\s+ours|own\s+fault)(?!\s*(?:code|light|led|finding|report|log|"
    r"number|tolerance|message|reported|diagnos|isolat|ticket|is\s+logged))",
    r"(?:throw|threw|thrown|throwing|chuck\w*)\s+(?:\w+\s+){1,3}under\s+the\s+bus",
    r"scape-?goat\w*|fall\s+guy|point\w*\s+(?:the\s+)?fingers?(?:\s+at)?|pass\w*\s+the\s+buck",
    r"cover\w*\s+(?:our|my|your)\s+(?:backs?|arses?|asses?|butts?|tracks)|\bcya\b",
    r"(?:it\s+was|that\s+was|this\s+was|all)\s+(?:on\s+)?(?:\w+'?s?\s+)?"
    r"(?:cock|screw|fuck|balls|f\*+k)[\s-]*up",
    r"dropped\s+the\s+ball|fell\s+(?:through|between)\s+the\s+(?:cracks|gaps)|"
    r"slipped\s+through\s+the\s+(?:cracks|net)|asleep\s+at\s+the\s+wheel",
    r"(?:deflect|redirect|divert)\w*\s+(?:the\s+)?(?:blame|attention|questions?)",
    r"(?:make|let)\s+(?:it\s+)?(?:look|seem|sound)\s+like\s+(?:it\s+was\s+|it'?s\s+)?"
    r"(?:their|the\s+vendor|the\s+client|his|her|microsoft|a\s+vendor|the\s+supplier)",
    r"not\s+my\s+(?:problem|fault|job|circus|monkeys)|above\s+my\s+pay\s*grade",
    r"(?:blame|blaming)\s+(?:the\s+)?(?:vendor|supplier|client|customer|them|microsoft|user|"
    r"isp|him|her|their)",
)

JUDGEMENT = compile_family(
    r"clueless|incompeten\w*|idiot\w*|imbecil\w*|moron\w*|muppets?|numpt(?:y|ies)|dimwit\w*|"
    r"halfwit\w*|nitwit\w*|dunce|buffoons?|clowns?|cretins?|dipsticks?|plonkers?|wallies|"
    r"dinosaurs?|luddites?|technophob\w*|tech-?illiterate|computer\s+illiterate|"
    r"cheapskates?|penny[\s-]*pinch\w*|tight[\s-]*fist\w*|skinflints?|stingy|miserly|tightwads?|"
    r"brain[\s-]*dead|braindead|thick\s+as|dense\s+as|dumb\s+as|not\s+the\s+sharpest|"
    r"not\s+the\s+brightest|few\s+(?:sandwiches|cards|bricks)\s+short|nobody\s+home",
    r"(?:is|are|was|were|so|such|bit\s+of|being|really|very|totally|utterly|completely|"
    r"absolutely|pretty|proper|real|a)\s+(?:an?\s+)?(?:useless|hopeless|stupid|dumb|dense|thick|"
    r"lazy|arrogant|rude|annoying|whiny|whingy|whinging|clingy|needy|paranoid|precious|"
    r"pathetic|ridiculous|impossible|insufferable|unbearable|obnoxious|toxic|nightmares?|"
    r"headaches?|pains?(?:\s+in\s+the\s+\w+)?|jokes?|liabilit(?:y|ies)|control\s+freaks?|"
    r"drama\s+queens?|prima\s+donnas?|know-?it-?alls?|high[\s-]*maintenance|"
    r"out\s+of\s+(?:his|her|their|its)\s+depth|full\s+of\s+(?:it|themselves|himself|herself)|"
    r"clueless|a\s+mess|difficult|demanding|awkward|tricky\s+customers?)",
    r"(?:nightmare|difficult|demanding|needy|awkward|problem|painful|toxic|annoying|cheap|"
    r"tight|stingy|whiny|entitled|precious|high[\s-]*maintenance|pain[\s-]*in[\s-]*the[\s-]*"
    r"\w+)\s+(?:client|customer|account|user|users|bunch|lot|crowd|people|contact|cfo|ceo|md|"
    r"boss|manager|admin)s?",
    r"(?:no|not\s+a|haven'?t\s+(?:got\s+)?a|hasn'?t\s+(?:got\s+)?a|doesn'?t\s+have\s+a|"
    r"don'?t\s+have\s+a|without\s+a)\s+(?:single\s+)?clue",
    r"(?:has|have|had)\s+no\s+(?:idea|clue)\s+what\s+(?:they|he|she)(?:'?re|'?s|\s+(?:is|are))\s+"
    r"(?:doing|talking|on\s+about)",
    r"(?:can'?t|cannot|couldn'?t|unable\s+to|never)\s+(?:even\s+)?(?:follow|read|understand|"
    r"grasp|manage|handle|remember)\s+(?:a\s+|the\s+|simple\s+|basic\s+|even\s+)?(?:simple\s+|"
    r"basic\s+)?(?:instructions?|emails?|a\s+checklist|anything|the\s+basics|it|steps|"
    r"a\s+password|their\s+own\s+\w+)",
    r"(?:hand[\s-]*hold\w*|babysit\w*|spoon[\s-]*fe\w*|nanny\w*|wet\s+nurs\w*)",
    r"(?:moan|whinge|whine|bitch|gripe)(?:s|d|ing|er|ers)?(?:\s+(?:again|constantly|all\s+the\s+"
    r"time|about))?",
    r"(?:typical|classic)\s+(?:\w+\s+)?(?:client|customer|user|admin|them|management|finance)",
    r"(?:users?|staff|people|they|he|she)\s+(?:who|that)\s+(?:can'?t|cannot|couldn'?t)\s+"
    r"(?:\w+\s+){0,2}(?:to\s+save\s+(?:their|his|her)\s+lives?)",
    r"(?:so|too)\s+(?:cheap|tight|slow|thick|dense|stubborn|difficult|demanding)\s+(?:to|that)",
    r"(?:treat|handle)\s+(?:them|him|her)\s+with\s+kid\s+gloves|keep\s+(?:them|him|her)\s+sweet",
)

MONEY = compile_family(
    r"(?:our|good|nice|fat|healthy|thin|tiny|huge|decent|better|higher)\s+margins?"
    r"(?!\s+(?:of\s+error|setting|settings|of\s+safety))|margins?\s+(?:on|of)\s+(?:this|the\s+"
    r"deal|that|these|those|hardware|licen[cs]es|the\s+job|the\s+project|the\s+kit)|"
    r"(?:mark|marked|marking)\s+(?:it|them|this|that|the\s+\w+)\s+up|\d+\s*%\s+"
    r"(?:margin|mark-?up|on\s+top)|percent\s+(?:margin|mark-?up|on\s+top)|mark-?up\s+(?:on|of)\s+(?:this|the\s+(?:hardware|licen[cs]es|"
    r"kit|job|laptops?))",
    r"(?:pad|padding|padded|inflat\w*|bump\w*)\s+(?:up\s+)?(?:the|our|my|their|those|"
    r"these)?\s*(?:hours|time|estimates?|invoices?|bills?|quotes?|days|figures?|timesheets?|"
    r"numbers|costs?)(?:\s+up)?",
    r"(?:bill|charge|invoice|book|log)\w*\s+(?:them|it|this|the\s+(?:client|customer|hours|"
    r"time|work)|him|her)?\s*(?:as|for|at|to)\s+(?:an?\s+|the\s+)?(?:full|extra|double|whole|"
    r"more|emergency|out[\s-]*of[\s-]*(?:hours|scope)|overtime|premium|project|additional|"
    r"separately\s+even|two|three|four|\d+\s+(?:hours|days))(?:\s+(?:day|days|hours|rate|work|"
    r"even|anyway|though|although))?",
    r"(?:bill|charge|invoice)\w*\s+(?:them|it|this|him|her|the\s+client)\s+(?:anyway|regardless|"
    r"twice|again|double|even\s+though|although|for\s+nothing)",
    r"(?:up-?sell|cross-?sell|upsold|upsell\w*)|(?:milk|milking|fleece|fleecing|gouge|gouging|"
    r"rip\w*\s+(?:them|it)\s+off|overcharg\w*|overbill\w*|double[\s-]*bill\w*|over-?quot\w*)",
    r"cash\s+cow|money\s+(?:pit|spinner|maker)|gravy\s+train|(?:nice|easy|free|quick)\s+money",
    r"our\s+(?:cost|buy|purchase|trade|wholesale)\s+(?:price|is|was)|"
    r"cost\s+price|below\s+cost\b|(?:buy|bought)\s+(?:it|them)\s+(?:at|for)\s+"
    r"[£$€]?\d",
    r"(?:profit\s+on|kick-?backs?|spiff|bonus\s+on|(?:my|our|his|her|their)\s+commission|"
    r"commission\s+(?:on|for)\s+(?:this|the\s+deal|the\s+sale|it))",
    r"(?:write|written|writing|wrote)\s+(?:it|the\s+hours|the\s+time|this)\s+off|"
    r"(?:eat|eating|absorb\w*|swallow\w*)\s+the\s+(?:cost|hours|time|loss)",
    r"(?:hours|time)\s+(?:against|to|on|from)\s+(?:the|their)\s+(?:retainer|block|bucket|"
    r"bank|prepaid)\s+(?:even|although|though|anyway|so|regardless|before|without)",
    r"(?:book|log|charge|bill|put)\w*\s+(?:the\s+)?(?:time|hours)\s+(?:to|against|on)\s+"
    r"(?:another|a\s+different|the\s+other|their\s+other|the\s+\w+\s+project)",
    r"(?:make|let)\s+(?:them|the\s+client|the\s+customer)\s+pay\s+(?:for|extra|more|through)|"
    r"(?:squeeze|extract|get|wring)\s+(?:more\s+(?:money\s+)?)?(?:out\s+of|from)\s+"
    r"(?:them|the\s+client|the\s+customer|this\s+account)",
    r"(?:they|he|she)(?:'?ll|\s+will)\s+(?:never|not)\s+(?:notice|check|query)\s+(?:the\s+)?"
    r"(?:invoice|bill|charge|hours|price)",
    r"(?:in|out\s+of)\s+scope\s+(?:so|to|and)\s+(?:we|bill|charge|invoice)|"
    r"(?:call|class|treat|bill|charge|label|count)\w*\s+(?:it|this|that)\s+(?:as\s+)?"
    r"(?:out[\s-]*of[\s-]*scope|a\s+(?:change\s+request|project|variation))\s+(?:so|to|and\s+bill|"
    r"even|although|though)",
    r"(?:sell|sold|push|pushing)\s+(?:them|it|the\s+client)\s+(?:a|an|the|more)\s+(?:\w+\s+)?"
    r"(?:licen[cs]es?|upgrade|package|tier|plan|hardware|support|contract)\s+(?:they|he|she)\s+"
    r"(?:don'?t|doesn'?t|won'?t)\s+need",
    r"(?:doesn'?t|don'?t|won'?t)\s+need\s+(?:it|them|that|this)\s+(?:but|though|really)",
    r"(?:they'?re|they\s+are)\s+(?:paying|on)\s+(?:for\s+)?(?:too\s+little|peanuts|a\s+steal|"
    r"the\s+cheap)|(?:rate\s+card|day\s+rate|hourly\s+rate)\s+(?:is|of|at)\s+[£$€]?\d",
)

STAFFING = compile_family(
    r"under-?staffed|short[\s-]*staffed|short[\s-]*handed|under-?resourced|over-?stretched|"
    r"stretched\s+(?:too\s+)?thin|skeleton\s+(?:crew|staff|team|service)|over-?worked|"
    r"over-?loaded|burn(?:ed|t|ing)?[\s-]*out|burnout|firefighting|fire-fighting|"
    r"hiring\s+freeze|head-?count\s+(?:freeze|cut|cuts|is\s+frozen)|short\s+of\s+(?:people|staff|engineers?|techs?|hands|bodies|"
    r"resource|resources|capacity)|(?:no|zero|not\s+enough|lack\s+of)\s+(?:spare\s+)?"
    r"(?:capacity|bandwidth|engineers?|techs?|people|staff|bodies|hands|resource|resources|"
    r"cover|one\s+free|body\s+free)",
    r"(?:nobody|no\s*-?\s*one|none\s+of\s+us|noone|no\s+engineer|no\s+tech)\s+"
    r"(?:is\s+|'s\s+)?(?:\w+\s+)?(?:free|available|spare|around|left|to\s+(?:cover|send|spare)|"
    r"who\s+(?:knows|can|understands))",
    r"(?:the\s+)?only\s+(?:one|person|guy|engineer|tech|bloke|woman|man|dev)\s+(?:here\s+)?"
    r"(?:who|that)\s+(?:knows|understands|can|has|remembers|touched)",
    r"(?:on|off)\s+(?:sick|stress|gardening|long[\s-]*term\s+sick)"
    r"(?:\s+leave)?|off\s+sick|signed\s+off\s+(?:sick|work|with\s+stress)|(?:quit|quits|handed\s+in\s+(?:his|her|"
    r"their)\s+notice|walked\s+out|got\s+(?:fired|sacked|let\s+go)|was\s+(?:fired|sacked|let\s+go)|"
    r"made\s+redundant|redundanc\w*)",
    r"(?:too|so|really|very|way\s+too|completely|totally)\s+(?:busy|swamped|slammed|snowed\s+under|"
    r"overloaded|stretched)|swamped|drowning\s+in|snowed\s+under|slammed",
    r"(?:can'?t|cannot|couldn'?t|unable\s+to|struggling\s+to)\s+(?:hire|recruit|find|staff|"
    r"backfill|retain|keep)\s+(?:\w+\s+)?(?:people|engineers?|staff|anyone|techs?|anybody|"
    r"cover|a\s+replacement)",
    r"(?:junior|new\s+(?:guy|starter|hire)|apprentice|graduate|intern|trainee|temp)\s+"
    r"(?:\w+\s+){0,3}?(?:because|since|as)\s+(?:\w+\s+){0,3}?(?:no\s*one|nobody|everyone|"
    r"the\s+seniors?)",
    r"(?:resourcing|resource|staffing|capacity|bandwidth)\s+(?:issue|problem|gap|crunch|crisis|"
    r"shortage|constraints?)",
    r"(?:contractors?|agency\s+staff|temps)\s+(?:to\s+)?(?:cover|covering|fill|because|since)",
    r"(?:juggling|spinning)\s+(?:\w+\s+)?(?:plates|clients|jobs|projects)|(?:half|a\s+third)\s+"
    r"of\s+the\s+team\s+(?:is|are)\s+(?:off|out|away|gone)",
    r"(?:we'?re|we\s+are|i'?m|team\s+is|team'?s)\s+(?:\w+\s+)?(?:down|short)\s+(?:\w+\s+)?"
    r"(?:people|engineers?|techs?|heads|bodies|a\s+(?:person|man|tech|engineer)|one|two|three|\d)",
)

SALES = compile_family(
    r"(?:over|over-)(?:promis|sold|sell|commit)\w*|oversold|over-sold|overpromised|"
    r"over-promised",
    r"(?:sales|salesperson|sales\s*(?:guy|team|rep|director|manager|side|people|folk)|"
    r"account\s+(?:director|exec\w*)|the\s+(?:director|md|ceo|vp|boss|bd\s+team|bdm))\s+"
    r"(?:\w+\s+)?(?:promised|sold|told\s+them|said|agreed|committed|guaranteed|signed\s+up|"
    r"quoted|offered|threw\s+in|gave\s+away|made\s+up)",
    r"(?:close|win|land|seal|clinch|get|push\s+through)\w*\s+the\s+(?:deal|sale|contract|"
    r"renewal|signature)|so\s+(?:they|the\s+client)\s+(?:would|will|'ll)\s+sign|to\s+(?:close|win)\s+(?:the|them|it)\b",
    r"(?:renewal|contract)\s+(?:leverage|is\s+up|comes?\s+up|coming\s+up|due)\s+(?:so|and|"
    r"next|soon|in)|(?:before|until|till|ahead\s+of)\s+(?:the\s+)?renewal\s+(?:so|then|"
    r"goes)|(?:keep|keeping)\s+(?:them|it)\s+(?:sweet|happy|quiet)\s+(?:until|till|for|"
    r"before)|lock\s+(?:them|it)\s+in",
    r"(?:hit|make|meet|miss|missed|hitting|making)\s+(?:my|our|his|her|their)\s+"
    r"(?:sales\s+)?(?:quota|numbers?|bonus)s?|(?:my|our|his|her|sales)\s+quotas?|"
    r"sales\s+targets?|(?:my|our)\s+pipeline|"
    r"churn\s+risk|flight\s+risk|at\s+risk\s+of\s+(?:leaving|churning|walking)|"
    r"(?:whale|big\s+fish|key\s+logo)\b|land\s+and\s+expand|(?:poach|steal)\w*\s+(?:them|the\s+"
    r"account|the\s+client)",
    r"(?:promised|sold|told)\s+(?:them|the\s+client|the\s+customer)\s+(?:\w+\s+){0,4}?"
    r"(?:to\s+(?:close|win|get|land)|when\s+(?:we|it)\s+(?:can'?t|couldn'?t|won'?t)|"
    r"(?:we|it)\s+(?:can'?t|couldn'?t|won'?t)\s+(?:deliver|do|meet)|knowing|even\s+though|"
    r"never\s+(?:checked|asked))",
    r"(?:sandbag\w*|lowball\w*|low-ball\w*|bait[\s-]and[\s-]switch|loss[\s-]leader)",
    r"(?:sign|signed|signing)\s+(?:on\s+)?the\s+dotted\s+line|(?:get|got)\s+(?:the|their)\s+"
    r"(?:signature|pen\s+on\s+paper)",
    r"(?:thirty|sixty|ninety|\d+)[\s-]*days?\s+(?:was|were|is)\s+(?:never|not)\s+"
    r"(?:realistic|achievable|possible|doable)",
)

PROFANITY = compile_family(
    r"fu+c+k+\w*|ff+u+c+k+\w*|f[\*#@$%!\-.][\*#@$%!\-_.]{0,3}(?:c?k|k)?\w*|"
    r"f_[\*#@$%!\-_.]{0,3}(?:c?k|k)?\w*|fu[u\*#@]{0,2}ck\w*|f[\*#@][u\*#@]{0,2}ck\w*|fck\w*|fkn|"
    r"fking|fcking|"
    r"fu?cking|effing|eff\s+off|motherf\w*|mofo",
    r"sh[i1!\*]te?s?|shitt?\w*|sh\*{1,3}t?\w*|s\*{2,3}t|s#!t|bulls[h\*]\w+|bs\s+excuse|"
    r"horse-?shit|shite|crap+y?|crapp\w+|craps",
    r"bollocks|bollox|arse\w*|as[s\*]-?holes?|a\*[s\*]-?holes?|a\*+\s*holes?|asshat|jackass|dumbass|badass|"
    r"bastard\w*|bitch\w*|b\*tch|b\*+ch|dickheads?|dick\s+move|pricks?|cocks?(?:[\s-]up)?|"
    r"twats?|wank\w*|tossers?|bugger\w*|sod\s+(?:it|off|this|that)|piss\w*|p\*ssed|"
    r"bl[o\*]{2}dy|bl\*+dy|damn\w*|dammit|goddam\w*|hell\s+(?:of|no|yes)|what\s+the\s+(?:hell|"
    r"heck|f\w*)|the\s+hell|like\s+hell|to\s+hell|screw\s+(?:them|this|that|it|him|her)",
    r"wtf|ffs|stfu|omfg|fml|jfc|pita|fubar|snafu|clusterf\w*|cluster\s+f\w*|shit-?show|"
    r"sh\*t-?show|dumpster\s+fire|balls[\s-]up|cock[\s-]up|f-?up|fuck-?up|screw-?up|"
    r"arsed|knob\w*|git\b|sodding|frickin\w*|friggin\w*",
)

ADMISSION = compile_family(
    r"(?:never|not|haven'?t|hasn'?t|didn'?t|weren'?t|wasn'?t)\s+(?:actually|really|even)\s+"
    r"(?:\w+\s+){0,2}?(?:ran|run|worked|working|tested|checked|done|been\s+\w+|happened|backed|"
    r"patched|installed|configured|monitored|looked|read|applied|started|finished|set\s+up)",
    r"(?:forgot|forgotten)\s+(?:to|about)|(?:we|i)\s+(?:forgot|dropped|lost\s+track|"
    r"overlooked|never\s+(?:noticed|checked|bothered))",
    r"(?:nobody|no\s*-?\s*one|none\s+of\s+us)\s+(?:\w+\s+)?(?:noticed|checked|bothered|looked|"
    r"spotted|realised|realized|caught|read|tested|monitored|knew)",
    r"embarrass\w*|oops|whoops|our\s+bad|mea\s+culpa|cringe|facepalm|"
    r"(?:we|i)\s+(?:screwed|messed|cocked|stuffed|balls?ed|botched|fudged|bodged|blew|"
    r"fumbled)\s*(?:up|it)?|botched|bodged|bodge|kludge\w*|duct[\s-]*tape|sticking\s+plaster|"
    r"held\s+together\s+(?:with|by)|quick\s+and\s+dirty|hacky|ugly\s+hack|band-?aid",
    r"(?:no|not\s+a|haven'?t\s+(?:got\s+)?a|without\s+a)\s+(?:clue|idea)\s+(?:why|what|how|"
    r"where|whether|if)|(?:winging|wing)\s+it|(?:guess\w*|made\s+up)\s+(?:the|a|an)\s+"
    r"(?:date|eta|number|figure|estimate)|fingers\s+crossed|pray\w*\s+(?:it|that|the)",
    r"sat\s+on\s+(?:it|this|that)|sitting\s+on\s+(?:it|this|that)|lost\s+track\s+of|"
    r"(?:for|in)\s+(?:\w+\s+)?(?:weeks|months|ages|a\s+year)\s+(?:without|and\s+(?:nobody|no\s+one|"
    r"we\s+(?:didn'?t|never)))",
    r"(?:failing|broken|down|dead|offline|not\s+running|been\s+off)\s+(?:silently\s+)?for\s+"
    r"(?:\w+\s+)?(?:weeks|months|ages)(?:\s+(?:and|without|before))",
    r"(?:should|could)\s+have\s+(?:been\s+)?(?:caught|spotted|noticed|done|fixed|patched)\s+"
    r"(?:this|it|that)?\s*(?:weeks|months|ages|ages\s+ago|long\s+ago|sooner)",
    r"(?:hope|hoping|pray|praying)\s+(?:it|this|that|the\s+\w+)\s+(?:holds|lasts|works|"
    r"doesn'?t|won'?t|survives)",
)

MARKER = compile_family(
    r"internal(?:\s+(?:note|only|comment|use|eyes|discussion))?\s*[:\-]|\[internal\]|"
    r"note\s+to\s+self|nts\s*:|(?:fyi|heads\s+up)\s+(?:team|all|guys|folks)|"
    r"(?:do\s+not|don'?t)\s+(?:share|forward|send)\s+(?:this|externally|outside|to\s+the\s+"
    r"(?:client|customer))|(?:internal|private)\s+(?:only|use)|not\s+client[\s-]facing|"
    r"(?:for|to)\s+the\s+team\s*:",
)

MORE_REFUSAL = compile_family(
    r"(?:never|not|won'?t(?:\s+ever)?)\s+(?:be\s+|getting\s+|get\s+|going\s+to\s+(?:be|get)\s+)"
    r"(?:fixed|done|sorted|resolved|looked\s+at|touched|patched|supported|delivered|"
    r"priorit[iy][sz]ed|replaced|upgraded|actioned|finished|picked\s+up)(?!\s+(?:until|till|"
    r"before|by|in\s+time|today|tomorrow|this|on|as|once|when|after|because))",
    r"long\s+grass|too[\s-]*hard\s+(?:pile|basket|box|bucket)|to\s+oblivion|"
    r"(?:into|in)\s+the\s+(?:void|black\s+hole|abyss)",
    r"(?:stop|stopped|quit|don'?t\s+bother)\s+(?:replying|responding|answering|picking\s+up)|"
    r"(?:ignore|ignoring|ghost|ghosting|dodge|dodging|avoid|avoiding)\s+(?:their|his|her|the\s+"
    r"client'?s?)\s+(?:chasers?|emails?|calls?|messages?|tickets?|requests?)|leave\s+(?:them|him|"
    r"her)\s+on\s+read|ghost\s+(?:them|him|her)",
    r"(?:nobody|no\s*-?\s*one|none\s+of\s+us)\s+(?:\w+\s+)?(?:will|is\s+going\s+to|'?s\s+going\s+"
    r"to|wants\s+to|has\s+time\s+to|can\s+be\s+bothered\s+to|plans\s+to)\s+" + _DO_WORK,
    r"too\s+much\s+(?:hassle|faff|effort|bother|trouble|work|of\s+a\s+(?:pain|faff|hassle))|"
    r"more\s+(?:hassle|trouble|faff)\s+than\s+(?:it'?s|its)\s+worth|not\s+worth\s+the\s+"
    r"(?:hassle|faff|bother)",
    r"(?:they|he|she|the\s+client)\s+(?:can|will\s+have\s+to|'?ll\s+have\s+to|can\s+just)\s+"
    r"(?:live\s+with|lump|wait|whistle|like\s+it\s+or|put\s+up\s+with|deal\s+with)\s*\w*|"
    r"tough\s+(?:luck|cookies|titties)|end\s+of\s*(?:[.!]|$)|their\s+(?:problem|lookout|funeral)",
    r"(?:can'?t|couldn'?t|cannot|could\s+not)\s+be\s+(?:bothered|arsed|assed|asked)",
    r"(?:gave|give|given|giving)\s+up\s+on",
)

MORE_CONCEALMENT = compile_family(
    r"keep\w*\s+(?:this|it|that|them)\s+(?:off|out\s+of)\s+(?:the|their|our|any)\s+(?:\w+\s+)?"
    r"(?:record|report|radar|books|summary|update|notes?|invoice|minutes|email|deck|log|ticket)",
    r"keep\w*\s+(?:it|this|that)\s+to\s+(?:yourself|yourselves|ourselves|us|you)",
    r"(?:word|phrase|write|keep|make|put)\w*\s+(?:it|this|that|the\s+\w+)\s+(?:vague\w*|fuzzy|"
    r"woolly|wooly|loose|high-?level\s+so)|vague(?:ly)?\s+(?:so|enough)",
    r"so\s+(?:that\s+)?(?:they|the(?:\s+[\w'-]+){1,3}|he|she|nobody|no\s*one|no-one|"
    r"the\s+client)\s+(?:doesn'?t|don'?t|won'?t|never|does\s+not|do\s+not|can'?t|"
    r"isn'?t|aren'?t)\s+(?:\w+\s+)?(?:realis|realiz|notic|see|find|spot|ask|know|twig|clock|"
    r"check|query|read|compar|audit|question|panic|worr|get\s+(?:wind|suspicious))\w*",
    r"(?:they|the\s+client|the\s+customer|he|she|nobody|no\s*-?\s*one)\s+(?:never|won'?t|"
    r"doesn'?t|don'?t|will\s+never)\s+(?:ever\s+)?(?:compares?|audits?|checks?|quer(?:y|ies)|"
    r"reads?|looks?|questions?|notices?)",
    r"(?:scrub|clean\w*\s+up|tidy\w*\s+up|massag|sanitis|sanitiz|doctor|fudg|adjust|rewrit|"
    r"backdat|fiddl|tweak)\w*\s+(?:the\s+|our\s+|their\s+)?(?:\w+\s+)?(?:timelines?|dates?|"
    r"logs?|numbers|figures|stats|notes?|history|timestamps?|records?|uptime|sla|metrics|"
    r"report)\s*(?:before|so|to\s+hide|to\s+make|a\s+bit)",
    r"backdat\w*|after\s+the\s+fact|(?:fak|fabricat|invent|forg|doctor)(?:e|ed|ing)\s+"
    r"(?:the|a|an|it|some|their)\s+(?:\w+\s+)?(?:sign-?off|signature|report|test|results?|"
    r"logs?|evidence|data|approval|timesheet|entry|entries|figures|numbers)",
    r"(?:for\s+)?(?:our|internal)\s+eyes(?:\s+only)?|eyes\s+only|(?:just\s+so\s+you\s+know|"
    r"fyi|note|btw)\s*,?\s+internally|not\s+to\s+be\s+(?:mentioned|shared|disclosed|"
    r"discussed|repeated|forwarded|passed\s+on)|mustn'?t\s+(?:be\s+)?(?:mentioned|shared)",
    r"(?:hope|hoping|hopefully|pray|praying|fingers\s+crossed)\s+(?:that\s+)?(?:they|the\s+"
    r"client|the\s+customer|he|she|nobody|no\s*-?\s*one|no\s+one)\s+(?:\w+\s+)?(?:notic|ask|"
    r"check|find|spot|read|look|compar|query|realis|realiz)\w*",
    r"(?:we|we'?ve|i|i'?ve|we'?ll|i'?ll|just|then|and|so)\s+quietly\s+\w+|quietly\s+(?:swap|"
    r"switch|substitut|downgrad|remov|disabl|skip|drop|chang|bump|add|bill|charg|reset|restor|"
    r"roll|revert|patch|fix|clos|delet|wip|extend|ignor)\w*",
    r"(?:rather|other)\s+than\s+(?:admit|own\s+up|confess|tell\s+them)\w*|instead\s+of\s+"
    r"(?:admitting|owning\s+up|confessing|telling\s+them)",
    r"(?:(?:the|our)\s+(?:official\s+)?(?:story|narrative|cover\s+story)|official\s+line|"
    r"party\s+line|our\s+line|our\s+version)\s+(?:is|will\s+be|we'?re\s+going\s+with)|(?:stick|stay)\s+to\s+the\s+(?:story|script|line)",
    r"(?:make|let)\s+(?:it|this|that)\s+(?:look|seem|sound)\s+(?:like|as\s+if|as\s+though)",
    r"so\s+it\s+(?:doesn'?t|does\s+not|won'?t)\s+(?:look|seem|read|sound)\s+like",
    r"(?:slip|sneak|smuggl|bury|buri|tuck)\w*\s+(?:it|this|that|them|the(?:\s+\w+){1,2})\s+"
    r"(?:in|into|onto|through|under|past)",
    r"(?:keep|mark|leave|show|set)\w*\s+(?:it|this|the\s+ticket)\s+as\s+['\"]?(?:in\s+progress|"
    r"open|pending|active|waiting)['\"]?\s+(?:but|while|and|so|even)",
    r"(?:which\s+)?(?:in\s+practice|in\s+reality|translation|read)\s*[:,]?\s+(?:means\s+)?"
    r"(?:nothing|never|no\b|we\s+won'?t|not\b)",
    r"(?:don'?t|do\s+not|never)\s+(?:put|write)\s+(?:this|that|it|anything)\s+in\s+(?:writing|"
    r"an?\s+e-?mail|the\s+ticket)",
)

MORE_BLAME = compile_family(
    r"put\w*\s+(?:it|this|that)\s+down\s+to\s+(?:a\s+|an\s+|the\s+)?['\"]?(?:third|vendor|"
    r"supplier|microsoft|isp|their|user|client|customer|power|network|glitch|bug|upstream|"
    r"dependency|external|act\s+of\s+god|gremlins?)",
    r"(?:so\s+)?(?:it'?s|it\s+is|that'?s)\s+not\s+on\s+us|(?:it'?s|it\s+is)\s+(?:all\s+)?on\s+"
    r"(?:them|the\s+vendor|the\s+client|him|her)",
    r"let\s+(?:them|the\s+vendor|the\s+client|him|her)\s+(?:argue|fight|deal|take\s+the\s+"
    r"(?:heat|blame|flak|fall)|carry\s+the\s+can|sort\s+it\s+out\s+between)",
    r"fat[\s-]*finger\w*|(?:our|the|my)\s+(?:engineer|tech|guy|junior|apprentice|dev|admin)\s+"
    r"(?:\w+\s+)?(?:broke|messed\s+up|screwed\s+up|deleted|wiped|forgot|botched|misconfigured)",
    r"(?:their|the\s+client'?s|his|her)\s+(?:\w+\s+){0,3}?(?:guy|lad|bloke|person|man|woman|"
    r"team|admin)\s+(?:broke|caused|messed|screwed|did\s+it|changed\s+something)",
)

MORE_JUDGEMENT = compile_family(
    r"(?:is|are|was|were)\s+(?:an?\s+)?(?:absolute|total|complete|utter|proper|right|massive|"
    r"huge|bloody|such\s+an?|bit\s+of\s+an?|real)\s+(?:nightmare|pain|joke|mess|liability|"
    r"headache|clown|idiot|muppet|dinosaur|diva|handful|piece\s+of\s+work|character)",
    r"thinks?\s+(?:she|he|they)\s+knows?\s+(?:it|everything|better|best|more|what)|"
    r"(?:doesn'?t|don'?t|never|won'?t)\s+(?:actually\s+)?read\s+(?:anything|emails?|a\s+word|"
    r"instructions|the\s+(?:email|instructions|docs|documentation|guide))",
    r"(?:this|that)\s+lot|(?:the|their)\s+(?!parking|car|vacant|empty)[\w-]+\s+lot\s+"
    r"(?:are|is|were|was|will|love|hate|never|always|can'?t)",
    r"(?:a\s+)?bit\s+(?:dim|slow\s+on|thick|dense|of\s+a\s+(?:div|plank|numpty|muppet|pain))|"
    r"slow\s+on\s+the\s+uptake|(?:fibs|lies|lying|liar|bullshitt\w*)\b",
    r"typical\s+(?:\w+\s+)?(?:lawyers?|solicitors?|doctors?|gps?|teachers?|accountants?|"
    r"academics?|consultants?|architects?|councils?|marketing|sales|execs?|managers?|directors?|"
    r"partners?|boomers?|users?|clients?|customers?|admins?|finance|management|charities|"
    r"estate\s+agents?|landlords?|schools?|nhs|hoteliers?|retailers?|engineers?)",
    r"(?:cc|copy|bcc)\s+(?:the\s+)?(?:\w+\s+)?(?:director|boss|md|ceo|manager)\s+(?:on|in)\s+"
    r"(?:everything|every\s+\w+|all)",
    r"get\s+(?:everything|it\s+all|it)\s+in\s+writing\s+(?:from|with|because|since|as)",
)

MORE_MONEY = compile_family(
    r"(?:bill|charge|invoice)\w*\s+(?:them|it|this|him|her|the\s+client)\s+(?:for\s+)?"
    r"(?:the\s+|a\s+)?(?:full|whole|extra|double|half|minimum)\s+(?:day|hour|rate|visit|"
    r"amount|price|fee)",
    r"round\w*\s+(?:the\s+|it\s+|this\s+|that\s+)?(?:[\w-]+\s+){0,2}up\s+to\s+(?:a|the|an)\s+"
    r"(?:half|full|whole|hour|day)",
    r"(?:bill|charg|invoic|billable|chargeable|claim|quot)\w*\b[^.;]{0,60}?\beven\s+though",
    r"quote\s+(?:them\s+)?(?:high|higher|inflated|padded|silly)|(?:they|he|she)\s+(?:always\s+)?"
    r"haggle",
    r"(?:log|book|mark|record|put|code)\w*\s+(?:it|this|that|the\s+\w+)\s+(?:as|down\s+as)\s+"
    r"(?:billable|chargeable|extra|project\s+time)",
    r"(?:at|for)\s+(?:full\s+)?list\s+price\s*,?\s+(?:they|he|she|nobody|because|since|as)|"
    r"(?:hide|bury|hid|buried)\w*\s+(?:it|the\s+\w+)\s+(?:in|under)\s+(?:the\s+)?['\"]?"
    r"(?:project|admin|management|sundries|misc)",
)

MORE_STAFFING = compile_family(
    r"(?:one|a\s+single|only\s+one|just\s+one)\s+(?:engineer|tech|person|guy|dev|admin|body)\s+"
    r"(?:covering|for|across|doing|on\s+call|on\s+shift|on\s+the\s+desk|left)",
    r"(?:only|just)\s+(?:one|a\s+single)\s+(?:person|engineer|tech|guy|body)",
    r"(?:put|putting|give|giving|stick|sticking|throw|throwing)\s+(?:the\s+|an?\s+)?(?:apprentice|"
    r"junior|new\s+(?:guy|starter|hire|lad|girl)|intern|trainee|graduate|temp|work\s+experience|"
    r"contractor|freelancer)\s+on",
    r"(?:giv|hand|pass|farm|outsourc|offload|subcontract|sub)\w*\s+(?:it|this|that|the(?:\s+\w+)"
    r"{1,2})\s+(?:out\s+)?(?:to|out\s+to)\s+(?:a|an|the|our|some)\s+(?:\w+\s+)?(?:contractor|"
    r"freelancer|offshore|agency|partner|temp|junior|apprentice|sub-?contractor|intern)",
    r"agency\s+(?:tech|engineer|temp|guy)|offshore\s+(?:tech|engineer|staff|team|partner|guy)|rota'?s?\s+(?:is\s+)?"
    r"(?:a\s+)?(?:mess|shambles|joke|broken)|drowning|resigned|resignations?",
    r"(?:nobody|no\s*-?\s*one)\s+(?:here\s+|on\s+the\s+team\s+|in\s+the\s+team\s+|left\s+)?"
    r"(?:actually\s+|really\s+)?(?:knows|understands|has\s+(?:a\s+clue|experience|done))|"
    r"learning\s+(?:it\s+)?as\s+we\s+go|making\s+it\s+up\s+as\s+we\s+go",
    r"(?:timeline|date|eta|estimate|plan|schedule|deadline)s?\s+(?:is|are)\s+(?:\w+\s+)?"
    r"(?:fiction|fantasy|made\s+up|a\s+joke|meaningless|nonsense|fake|pie\s+in\s+the\s+sky)",
)

MORE_SALES = compile_family(
    r"(?:as|for|use\s+(?:it|them|this|that)\s+as)\s+leverage|leverage\s+(?:for|in|at|on|over)\s+"
    r"(?:the\s+)?(?:renewal|negotiation|contract|price|pricing|them)",
    r"until\s+(?:they|somebody|someone|the\s+client|the\s+customer|he|she)\s+(?:\w+\s+)?"
    r"(?:pays?|cough\w*\s+up|sign\w*|renew\w*|commit\w*|buy\w*|agree\w*\s+to|stump\w*\s+up)",
    r"commercial(?:s|\s+team)?\s+(?:say|said|want|wants|says)|(?:pitch|sales)\s*(?:deck)?\s+"
    r"(?:claimed|promised|over-?stated)|(?:marketing|brochure|proposal|deck)\s+(?:claimed|"
    r"over-?promised|over-?stated)",
    r"dangl\w*|stop\s+(?:them|the\s+client|the\s+customer)\s+(?:going|moving|switching|leaving|"
    r"walking|looking)|(?:said|say)\s+yes\s+to\s+everything|promised\s+(?:them\s+)?(?:everything|"
    r"the\s+(?:world|earth|moon))",
    r"(?:get|win|land|bag)\s+the\s+logo|(?:target|quota)\s+is\s+short|short\s+of\s+(?:our\s+|"
    r"the\s+)?(?:target|quota|number)",
    r"(?:sold|sell)\s+(?:them|the\s+client)\s+(?:a|an|the)?\s*['\"]?[\w\s'\"-]{0,40}?(?:that'?s|"
    r"which\s+is|it'?s)\s+(?:really|actually|basically|just|only)",
)

MORE_PROFANITY = compile_family(
    r"f[a-z]*[\*#@]+[a-z]*(?:k|ked|king|kin|ks|ker|kers)",
)

CHAT_TALK = compile_family(
    r"(?:slack|our\s+(?:\w+\s+)?(?:teams|slack|chat)|internal|engineering|ops|noc|dev|tech|"
    r"private|team|whatsapp)\s+(?:group\s+)?(?:chat|channel|thread|group)",
)

FAMILIES = (
    ("refusal", REFUSAL),
    ("concealment", CONCEALMENT),
    ("blame", BLAME),
    ("judgement", JUDGEMENT),
    ("money", MONEY),
    ("staffing", STAFFING),
    ("sales", SALES),
    ("profanity", PROFANITY),
    ("admission", ADMISSION),
    ("marker", MARKER),
    ("refusal", MORE_REFUSAL),
    ("concealment", MORE_CONCEALMENT),
    ("blame", MORE_BLAME),
    ("judgement", MORE_JUDGEMENT),
    ("money", MORE_MONEY),
    ("staffing", MORE_STAFFING),
    ("sales", MORE_SALES),
    ("profanity", MORE_PROFANITY),
    ("chat", CHAT_TALK),
)


def framing(text: str, ctx: Context, hits: Hits) -> Iterator[Span]:
    """Every framing family's matches, and the user's own deny-list phrases."""
    for rule in dict.fromkeys(rule for rule, _ in FAMILIES):
        for start, end in hits.get(rule, ()):
            if not ctx.allowed(text[start:end]):
                yield rule, start, end
    for start, end in hits.get("phrase", ()):
        yield "phrase", start, end


def phrase_patterns(ctx: Context) -> list[tuple[str, str, str]]:
    """The deny-list's phrases as (label, pattern, first word), for the guard's pass over
    words: whole words, any spacing between them, as folded text reads them."""
    out = []
    for phrase in ctx.phrases:
        folded = fold(phrase.strip()).text
        words = _WORDS.findall(folded.lower())
        if words:
            source = re.escape(folded).replace(r"\ ", r"\s+")
            out.append(("phrase", r"(?<!\w)(?:" + source + r")(?!\w)", words[0]))
    return out


_WORDS = re.compile(r"[\w']+|[^\s\w]")  # the guard's words (see dispatch)
