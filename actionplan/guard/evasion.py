"""The framing families for dodging the work or its blame: refusals, concealment, blame.

Patterns as data, over folded text and matched ignoring case (``framing`` runs them), written
for the kinds of thing people type, not for particular sentences: a subject, a negation, a
verb of doing the work; "keep it quiet" in its many forms; a fault pinned on someone else.
"""

from __future__ import annotations

from actionplan.guard.rules import compile_family

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
