"""The framing families for asides not meant for a client: judgements, money, staff and more.

Patterns as data, over folded text and matched ignoring case (``framing`` runs them): insults
aimed at people, margins and billing, staffing, sales tactics, swearing, admissions of our own
slips, internal markers ("note to self") and talk of internal chat.
"""

from __future__ import annotations

from actionplan.guard.rules import compile_family

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
