"""Word lists the people parsers use to tell names from ordinary words.

All entries are lower case. Lists are deliberately generous: inventing a
person from an ordinary word is worse than missing a name, because the bot
would then ask a family about someone who does not exist.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Kinship words that people use as names: "Nan will have them".
# Value: the relationship in plain words.
KIN_NAMES: dict[str, str] = {
    "nan": "grandmother",
    "nana": "grandmother",
    "nanna": "grandmother",
    "nanny": "grandmother",
    "nanan": "grandmother",
    "nain": "grandmother",
    "nani": "grandmother",
    "dadi": "grandmother",
    "gran": "grandmother",
    "granny": "grandmother",
    "grandma": "grandmother",
    "grandmum": "grandmother",
    "grandmother": "grandmother",
    "grandad": "grandfather",
    "granddad": "grandfather",
    "grandpa": "grandfather",
    "grampa": "grandfather",
    "grampy": "grandfather",
    "gramps": "grandfather",
    "grandfather": "grandfather",
    "grandpops": "grandfather",
    "taid": "grandfather",
    "mum": "mum",
    "mam": "mum",
    "mom": "mum",
    "mummy": "mum",
    "mammy": "mum",
    "mommy": "mum",
    "mumma": "mum",
    "mama": "mum",
    "mother": "mum",
    "dad": "dad",
    "daddy": "dad",
    "father": "dad",
    "papa": "dad",
    "stepdad": "stepdad",
    "step-dad": "stepdad",
    "stepmum": "stepmum",
    "step-mum": "stepmum",
    "aunty": "aunt",
    "auntie": "aunt",
    "aunt": "aunt",
    "uncle": "uncle",
}

# Kinship words that come before a name: "Aunty Jo", "Uncle Dave", "Nanny Sue".
KIN_TITLES = frozenset(
    {
        "aunty",
        "auntie",
        "aunt",
        "uncle",
        "cousin",
        "nan",
        "nana",
        "nanna",
        "nanny",
        "gran",
        "granny",
        "grandma",
        "grandad",
        "granddad",
        "grandpa",
        "great",
    }
)
KIN_TITLE_RELATIONSHIP = {**KIN_NAMES, "cousin": "cousin"}

# A relationship written in front of a name that is not part of what anyone
# calls the person: social workers' shorthand ("MGM Brenda") and kin words from
# other languages ("khala Rubina", "Babcia Halina"). The person is "Brenda",
# and the word is her relationship (issue 14: relationship words are never
# stored as part of a name).
KIN_PREFIXES: dict[str, str] = {
    "mgm": "maternal grandmother",
    "pgm": "paternal grandmother",
    "mgf": "maternal grandfather",
    "pgf": "paternal grandfather",
    "khala": "aunt",
    "khalu": "uncle",
    "mamu": "uncle",
    "mamoo": "uncle",
    "chacha": "uncle",
    "chachi": "aunt",
    "phupho": "aunt",
    "phuppo": "aunt",
    "phuphi": "aunt",
    "nani": "grandmother",
    "dadi": "grandmother",
    "babcia": "grandmother",
    "dziadek": "grandfather",
    "ciocia": "aunt",
    "wujek": "uncle",
    "nonna": "grandmother",
    "nonno": "grandfather",
    "abuela": "grandmother",
    "abuelo": "grandfather",
    "yiayia": "grandmother",
}
# Shorthand that is also initials or a word ("Ma", "Pa"): only in capitals ("PA Jas").
KIN_PREFIXES_IN_CAPITALS: dict[str, str] = {
    "ma": "maternal aunt",
    "pa": "paternal aunt",
    "mu": "maternal uncle",
    "pu": "paternal uncle",
}
# Sentence adverbs people put after a name ("my partner Leanne obviously").
NAME_TAIL_FILLER = frozenset({"obviously", "obvs", "tbh", "innit", "lol"})

# Forms of address that come before a surname or name.
TITLES: dict[str, str] = {
    "mr": "Mr",
    "mrs": "Mrs",
    "ms": "Ms",
    "miss": "Miss",
    "mx": "Mx",
    "dr": "Dr",
    "doctor": "Dr",
    "prof": "Prof",
    "rev": "Rev",
    "pc": "PC",
    "dc": "DC",
    "ds": "DS",
    "sgt": "Sgt",
    "pcso": "PCSO",
    "sir": "Sir",
    "dame": "Dame",
    "imam": "Imam",
    "pastor": "Pastor",
    "reverend": "Reverend",
    "rabbi": "Rabbi",
}
PROFESSIONAL_TITLES = frozenset({"dr", "doctor", "pc", "dc", "ds", "sgt", "pcso", "prof"})

# Professional roles, longest first when matched. Value: how to say it.
PROFESSIONAL_ROLES: dict[str, str] = {
    "social worker": "social worker",
    "social workers": "social worker",
    "socialworker": "social worker",
    "sw": "social worker",
    "student social worker": "student social worker",
    "health visitor": "health visitor",
    "hv": "health visitor",
    "head teacher": "head teacher",
    "headteacher": "head teacher",
    "head of year": "head of year",
    "deputy head": "deputy head",
    "headmaster": "head teacher",
    "headmistress": "head teacher",
    "class teacher": "class teacher",
    "form tutor": "form tutor",
    "teacher": "teacher",
    "teaching assistant": "teaching assistant",
    "senco": "SENCO",
    "sendco": "SENCO",
    "dsl": "safeguarding lead",
    "designated safeguarding lead": "safeguarding lead",
    "safeguarding lead": "safeguarding lead",
    "pastoral lead": "pastoral lead",
    "pastoral worker": "pastoral worker",
    "learning mentor": "learning mentor",
    "school nurse": "school nurse",
    "nurse": "nurse",
    "midwife": "midwife",
    "gp": "GP",
    "doctor": "doctor",
    "paediatrician": "paediatrician",
    "pediatrician": "paediatrician",
    "psychiatrist": "psychiatrist",
    "psychologist": "psychologist",
    "therapist": "therapist",
    "counsellor": "counsellor",
    "counselor": "counsellor",
    "camhs": "CAMHS",
    "camhs worker": "CAMHS worker",
    "police officer": "police officer",
    "police": "police",
    "officer": "police officer",
    "family support worker": "family support worker",
    "fsw": "family support worker",
    "family worker": "family worker",
    "family practitioner": "family practitioner",
    "support worker": "support worker",
    "key worker": "key worker",
    "keyworker": "key worker",
    "early help worker": "early help worker",
    "early help": "early help",
    "youth worker": "youth worker",
    "yot worker": "youth offending worker",
    "youth offending worker": "youth offending worker",
    "probation officer": "probation officer",
    "probation": "probation",
    "idva": "domestic abuse adviser",
    "isva": "sexual violence adviser",
    "domestic abuse worker": "domestic abuse worker",
    "outreach worker": "outreach worker",
    "drug worker": "drug worker",
    "drugs worker": "drug worker",
    "alcohol worker": "alcohol worker",
    "recovery worker": "recovery worker",
    "housing officer": "housing officer",
    "school": "school",
    "nursery": "nursery",
    "nursery worker": "nursery worker",
    "nursery nurse": "nursery nurse",
    "nursery manager": "nursery manager",
    "childminder": "childminder",
    "child minder": "childminder",
    "children's centre": "children's centre",
    "portage worker": "portage worker",
    "team manager": "team manager",
    "practice manager": "practice manager",
    "iro": "independent reviewing officer",
    "independent reviewing officer": "independent reviewing officer",
    "conference chair": "conference chair",
    "solicitor": "solicitor",
    "guardian": "guardian",
    "cafcass": "Cafcass",
    "advocate": "advocate",
    "interpreter": "interpreter",
    "practitioner": "practitioner",
    "worker": "worker",
    "head": "head teacher",
    "social care": "social care",
    "children's services": "children's services",
}
# Organisations count as professional only when they are what the person
# is ("Jo from school"), not where they go ("takes the kids to school").
# Named on their own ("the school") they are a place, not a person: the
# network asks for someone to ring, so parse_people leaves them out.
ORGANISATION_ROLES = frozenset(
    {
        "school",
        "nursery",
        "police",
        "early help",
        "probation",
        "camhs",
        "cafcass",
        "social care",
        "children's services",
        "children's centre",
    }
)

# Words that describe a relationship but are never a name on their own.
RELATIONSHIP_WORDS = _words(
    """
    sister sisters brother brothers sis bro son sons daughter daughters cousin cousins niece
    nephew nieces nephews friend friends mate mates bestie bestfriend best partner partners
    boyfriend girlfriend bf gf husband wife hubby wifey fiance fiancee fiancé fiancée ex
    neighbour neighbours neighbor neighbors godmother godfather godparent godparents godmum
    goddad step half stepsister stepbrother stepson stepdaughter in-law sister-in-law
    brother-in-law mother-in-law father-in-law son-in-law daughter-in-law family relative
    relatives carer carers babysitter sitter childminder colleague boss landlord landlady
    pastor vicar priest minister rabbi church mosque temple gurdwara lodger flatmate housemate
    member members foster kinship guardian special grandchildren grandchild grandson
    granddaughter grandkids great-nan great-gran great-grandmother great-grandfather twin twins
    kid kids child children baby babies boy boys girl girls toddler teenager teen teens eldest
    oldest youngest middle little big older younger maternal paternal grandparent grandparents
    """
)

# Common English words (and text-speak) that are never treated as names,
# whatever their case. Names that are also ordinary words live in
# AMBIGUOUS_NAMES instead.
COMMON_WORDS = _words(
    """
    a about above across actually after again against ago agree all almost alone along
    already also although always am among an and angry another any anybody anyone anything
    anyway anywhere are aren't around as ask asked asking at away awful back bad badly be
    because become been before began behind being believe below best better between bit both
    bring brought but by call called calling calls came can can't cannot care cared careful
    cares caring case cause change changed changes check checked checks clear close come comes
    coming could couldn't day days dear did didn't do does doesn't doing don't done door down
    drink drinking drinks drunk during each early easy either else end enough even evening ever
    every everybody everyone everything everywhere few find fine first for found from full
    gave get gets getting give given gives giving go goes going gone good got great had hadn't
    happen happened happens happy hard has hasn't have haven't having he he'd he'll he's hello
    help helped helping helps her here hers herself hi him himself his home hope hopefully
    hospital house how however i i'd i'll i'm i've if ill important in inside instead into is
    isn't it it'd it'll it's its itself just keep keeps kept kind knew know knows last late
    later least leave leaves left less let let's life like likes little live lived lives living
    long look looked looking looks lot lots love loved loves made make makes making many may
    maybe me mean means meet meeting meetings might mind mine more morning most much must my
    myself near need needed needs never new next nice night no nobody none nor not nothing now
    of off often oh ok okay old on once one ones only onto open or other others our ours
    ourselves out outside over own past people person phone place plan plans please plus
    probably put quite rather ready really right ring rings round safe said same saw say says
    see seen she she'd she'll she's should shouldn't since so some somebody someone something
    sometimes somewhere soon sorry start started stay stayed staying stays still stop stopped
    such sure take taken takes taking talk talked talking talks tell tells than thank thanks
    that that's the their theirs them themselves then there there's these they they'd they'll
    they're they've thing things think thinks this those though thought through time times to
    today together told tomorrow tonight too took towards try trying turn under until up upon
    us use used usually very visit visits visited wait want wanted wants was wasn't watch way
    we we'd we'll we're we've week weeks well went were weren't what what's when where which
    while who who's whole whom whose why will with without won't work worked working works
    worried worry would wouldn't yeah year years yes yesterday yet you you'd you'll you're
    you've your yours yourself yourselves
    im ive id ill dont didnt doesnt cant wont isnt wasnt arent werent shouldnt couldnt wouldnt
    thats whats theres hes shes theyre youre weve theyve whos lets
    u ur r ya yh yep yup nope nah na ye yea yeh pls plz thx ty ta cos coz cuz bc tho tbh idk
    dunno gonna wanna gotta innit lol omg btw fyi asap rn imo ok k kk x xx xxx hiya hey
    hello hi bye cheers
    able ages aged age all alright anyway bath bed bedtime birthday breakfast brother car
    cry crying dinner doctor school schools nursery work job money food kitchen room bedroom
    garden street road town city shop shops park bus train taxi walk walks walked
    hurt hurts shout shouts shouted shouting scared safe safety calm calmer upset angry
    police ambulance emergency number numbers text texts message messages email emails call
    calls mobile landline contact contacts address details detail name names surname
    number tel mob ring rang phoned texted emailed
    monday tuesday wednesday thursday friday saturday sunday weekend weekends
    january february march april june july august september october november december
    christmas easter xmas summer winter spring autumn holiday holidays term half-term
    morning afternoon evening night tonight midnight noon hour hours minute minutes
    born dob birth birthday due pregnant expecting unborn
    one two three four five six seven eight nine ten eleven twelve
    first second third fourth fifth last next
    about after again also always around away back before better down early enough ever
    here just later less more most much never now often once only over quite rather really
    since so soon still then there too very well yet
    mostly especially literally basically honestly definitely probably possibly certainly
    sometimes usually normally generally recently currently previously
    went go goes gone come came comes take took taken bring brought get got give gave
    keep kept make made let put say said tell told ask asked know knew think thought see
    saw look looked find found feel felt seem seems seemed try tried leave left stay stayed
    move moved moving help helped need needed want wanted use used show showed shown hear
    heard listen listened speak spoke spoken talk talked sleep slept sleeps sleeping eat
    ate eating pick picks picked collect collects collected drop drops dropped look after
    check checks checked sort sorts sorted deal dealt support supports supported supporting
    manage managed manages cope coped copes
    am pm asap urgent
    mister missus miss ms mr mrs dr
    the a an and or but if of at in on to for with from by as into onto about
    person people family families parent parents carer carers adult adults grown grown-ups
    everyone someone anyone noone nobody somebody anybody
    god jesus allah lord
    accept accepted accident act acted acting action actions add added address admit admitted
    afraid afford agreed agreement alcohol allowed angrier anxious anxiety apart appointment
    appointments argue argued arguing argument arguments arrest arrested arrive arrived attend
    attended attending avoid aware awake baby's bag bags banging bank behave behaved behaviour
    benefits bills bite bit biting blame blamed bleeding blood body bored borrow bottle bottles
    bought boyfriend's brave break breaking broke broken bruise bruised bruises budget bullied
    bullying burn burned burnt busy buy buying calmed calming cans cash caught chance changing
    chat chats cheap child's choice choices chose church clean cleaned cleaning clear clever
    clothes coat cold college comfortable complain concern concerned concerns confident
    contacted cook cooked cooking cost council counselling court cover crash crashed crazy
    cried cross cuddle cuddles cut cuts daily damage danger dangerous dark date dead deal
    decide decided depressed depression difficult dirty disabled doctor's dog dogs drank drive
    driving drop drug drugs drunken easier eaten eats effort else's embarrassed emotional
    ended ending enjoy enjoyed enjoys especially evening's event events everyday exam exams
    excited exercise expect expected explain explained face fair fall fallen fault fear
    feeling feelings fell fight fighting fights finally fix fixed flat floor follow followed
    forget forgot forgotten friendly frightened front funny future game games gas gently glad
    grab grabbed group guess guilty hair hand hands hang happening harder harm harmed hate
    hated head health healthy hear hearing heating heavy helpful hide hit hits hitting hold
    holding honest hope hoped hopes hospital hot hug hugs hungry hurting idea ideas ignore
    ignored ill illness improve improved improving incident incidents instead issue issues
    join joined joke jumped kick kicked kicking kill killed kiss knock knocked lack late later
    laugh laughing lazy learn learning lie lied lies lying light lonely lose losing loss lost
    loud lovely lunch mad marks matter meal meals medication medicine mental mess messy met
    mind minded miss missed missing mistake mistakes moment money mood moods mouth moved music
    nappy nappies nasty naughty needed nervous nights noise normal note nothing notice noticed
    offer offered older open opened order ordinary outside overdose pain paid paper parenting
    party pay paying peace perfect phone phoned photo pick play played playing please pleased
    point poor positive possible post pray prefer pregnant present pressure pretty promise
    promised protect proud push pushed pushing question questions quiet quit rang read reading
    real reason reasons relax relaxed remember rent report reported rest return returned
    review risk road rough rude rules run running sad safer says scream screamed screaming
    screams search second secret seeing seems send sent serious settled shaking shame share
    shared shop shopping short shout shower shut sick side sign signs simple single sister's
    sit sitting slap slapped sleepover slowly small smacked smell smoke smoking snap social
    soft sometime sore speaking spend spent spoke stand started starting stayed steal stolen
    stopping story strange stress stressed strict strong struggle struggling stuck stuff
    stupid suddenly supervised supper sweet swear swearing talked tea tears teeth terrible
    test text thank therapy thinking threat threaten threatened threatening throw threw
    thrown tidy tired toilet toys trouble true trust truth turned upset upstairs useful visit
    visiting voice wake walk wall walls warm wash washing watched watching water weed weird
    welcome wet wish woke women worse worst worth wrong yell yelled yelling young younger
    mate mates place places plan planned planning probably problem problems process
    properly really reckon right round safely saying seen sleep spoken stays taking telling
    tried trying understand understood upsetting using visited waiting walking wanting
    wanted wants went whenever wherever whether worried worrying writing written
    corner doors nearby opposite local estate lane avenue village staff mornings afternoons
    evenings
    always anyway around because before behind between beyond during except inside maybe
    meanwhile nearly otherwise outside perhaps quickly rather regularly slightly still
    straight together twice unless whatever within
    """
)

# Words that are names only when typed with a capital: "Will" yes, "will" no.
AMBIGUOUS_NAMES = _words(
    """
    will hope grace faith joy rose mark bill sky frank
    pat ray sunny dawn eve art guy rob don chase hunter king page star river rain storm honey
    angel harmony destiny glory precious blessing miracle patience mercy liberty justice
    royal major crystal jewel brook misty rocky rusty sandy chance drew mo
    """
)

# Calendar words that are also given names: "Jan, my mum", "my sister May",
# "Sunday 4". They are names only where a name stands (first in an answer,
# after "and" or a comma, after "my mum" or "I'm"), never just because they
# have a capital: "in May", "every Sunday", "12 Jan" are dates.
CALENDAR_NAMES = _words("jan may june april august sunday summer autumn")

# Every month, day and season, whole or cut short.
CALENDAR_WORDS = CALENDAR_NAMES | _words(
    """
    january february march july september october november december winter spring
    monday tuesday wednesday thursday friday saturday mondays tuesdays wednesdays
    thursdays fridays saturdays sundays weekend weekends
    feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed weds thu thur thurs
    fri sat sun
    """
)

# After a calendar word these make it a date, not a name: "Sunday mornings", "May half term".
CALENDAR_FOLLOWERS = _words(
    """
    morning mornings afternoon afternoons evening evenings night nights lunchtime
    lunchtimes teatime weekend weekends time times term terms half half-term holiday
    holidays break bank st nd rd th
    """
)

# Words after which the next word says who someone is: "I'm Jan", "it's May here".
SELF_INTRO_CUES = _words("i'm im its it's called named am")

# Words for a group of children or a household, not one person: "has the kids Sunday".
GROUP_WORDS = _words(
    "kids children boys girls babies teens teenagers grandkids grandchildren family relatives"
)

# Kinship words that are not used as someone's name on their own: people say
# "my aunt", not "Aunt will have them". After a name they describe it: "Kelly (aunt)".
KIN_NOT_NAMES = _words("mother father grandmother grandfather aunt uncle papa mama")

# A clause that starts with these describes the person before it:
# "my mum Jan, she lives round the corner".
DESCRIPTION_LEADS = _words(
    """
    she he they she's he's they're shes hes theyre who who's whos which lives lived works
    worked living working
    """
)

# Modal verbs that read as the start of a question when a name-like word opens
# the answer: "Will you", "May I".
MODAL_WORDS = _words("will may can shall might must could would should")

# Pronouns that make a name-like opening word read as a verb: "May I", "Hope you're ok".
PRONOUNS = _words("i you we he she they it i'm you're we're it's")

# Verbs that read as "someone will ..." in a plan rule, after will/can/to.
PLAN_MODALS = _words("will can would could should shall might must to 'll")

# After "X will ...", these mean X is a thing or a time: "Summer will be hard",
# "Attendance will not slip". A name needs a doing word.
NOT_PLAN_ACTIONS = _words(
    """
    be been being not never become remain happen happens continue improve change get
    make matter mean depend
    """
)

# Doing words that make a capitalised first word a person in a plan rule:
# "Jan will ring", "June can pick them up". Not words that things do as often
# as people ("Football will help", "Routine will keep him calm").
PLAN_ACTION_VERBS = _words(
    """
    ring call phone text message contact pop take pick collect drop visit stay sit watch
    walk drive meet cook feed mind babysit check speak talk tell ask
    """
)
# More doing words a plan gives people, as a worker writes them ("Leanne provides
# back-up care", "Bev alerts Christine"): with "-s", after a name, they say who acts.
DOING_WORDS = _words(
    """
    provide support arrange attend monitor review keep offer share update remind ensure
    alert cover convene escort accompany supervise host hold inform report notify liaise
    book rebook re-book chase follow lead run do look
    """
)
# ... and these too, after a word that is not everyday English: "Jan will come
# round", "Grace to have the kids" (but not "Summer will come").
PLAN_MOVING_VERBS = _words("come go have")

# Words that start sentences and are never names, whatever follows them: kept
# out of the rule that lets a capitalised first word be a name ("Continue to
# attend", "Cool, Nan will come", "Teachers will keep an eye").
SENTENCE_STARTERS = _words(
    """
    continue aim refer return listen reply respond write travel stick begin refuse tend
    apply pop head arrange encourage remind ensure attend monitor review discuss agree
    consider contact keep avoid allow support provide offer share update
    due unable supposed according prior similar close next back
    cool awesome brilliant excellent fab noted apologies oops thankyou sweet
    firstly secondly thirdly lastly finally sadly badly kindly oddly truly early nearly
    clearly regularly particularly similarly
    overall besides regardless nevertheless nonetheless therefore furthermore moreover
    afterwards also otherwise meanwhile instead
    teachers professionals services agencies workers
    """
)

# Endings of ordinary words typed in lower case, never names: "saying", "sadness".
ORDINARY_ENDINGS = ("ing", "ness", "ment", "tion")
# ... and of words that only have a capital for starting a sentence:
# "Supervision will ...", "Boundaries and ...". Not "-ence" or "-ity"
# (Florence, Charity) or "-ly" in general (Kelly, Beverly).
SENTENCE_WORD_ENDINGS = (
    *ORDINARY_ENDINGS,
    "sion",
    "ism",
    "ship",
    "hood",
    "less",
    "ful",
    "ous",
    "ies",
    "ally",
    "ately",
    "ously",
    "ently",
    "antly",
    "fully",
    "ingly",
    "edly",
    "ibly",
    "ably",
)

# Proper nouns that are not people: never report them as names.
NOT_PEOPLE = _words(
    """
    i tesco asda aldi lidl sainsburys sainsbury's morrisons waitrose iceland coop co-op
    primark argos boots greggs costa starbucks mcdonalds mcdonald's kfc subway amazon
    facebook whatsapp instagram snapchat tiktok youtube google twitter netflix xbox
    playstation fortnite minecraft roblox nhs gp camhs ofsted cafcass dwp hmrc council
    a&e ae uk england scotland wales ireland britain london manchester birmingham leeds
    liverpool bristol sheffield newcastle nottingham leicester coventry bradford cardiff
    glasgow edinburgh belfast york english british scottish welsh irish polish romanian
    muslim christian jewish sikh hindu islam arabic urdu bengali punjabi somali
    ramadan eid diwali hanukkah christmas easter xmas halloween
    mon tue tues wed weds thu thur thurs fri sat sun feb mar apr jun jul aug sep sept
    oct nov dec okay ok lol omg mondays tuesdays wednesdays thursdays fridays saturdays
    sundays weekdays weekends
    tbc tba tbd tbconfirmed unknown unnamed
    telephone phone mobile mob number numba marac mash
    """
)

# Words that, with "my"/"her"/"their" and the like, introduce a relationship.
POSSESSIVE_DETERMINERS = _words(
    "my our his her their your its the kids kids' childrens children's boys girls baby's"
)

# Filler that carries no meaning at the start of a description ("who lives next door").
DESCRIPTOR_LEAD_FILLER = _words(
    """
    who who's whos which that is are was the a an she he they she's he's shes hes they're
    theyre it it's its and or also plus from - : , ( )
    """
)
# A description stops where a new clause starts: "Nan but she's poorly".
DESCRIPTOR_STOP = _words("but because cos coz cuz although though if when unless however so")
# ... and at its end, once a phone number is taken out ("ring her on").
DESCRIPTOR_TAIL_FILLER = _words(
    """
    is are was the a an and or also plus - : , ( ) on at tel tel: mob mobile number num no
    phone call ring text contact email e-mail her him them via
    """
) | NAME_TAIL_FILLER
DESCRIPTOR_EDGE_FILLER = DESCRIPTOR_LEAD_FILLER | DESCRIPTOR_TAIL_FILLER

# Relationship and role words as people spell them when spelling is hard (fidelity
# batch d: "my frend becky", "my nabor raj", "social werker sophie", "jaydens scool"
# became people called "Frend Becky" and "Nabor Raj"). Only words that are never a
# name; the reply shows the result ("Added Becky (friend)"), so nothing changes unseen.
ROLE_SPELLINGS: dict[str, str] = {
    "frend": "friend", "freind": "friend", "frind": "friend", "frends": "friends",
    "nabor": "neighbour", "nabour": "neighbour", "naybor": "neighbour",
    "nayber": "neighbour", "neighbor": "neighbour", "neibour": "neighbour",
    "nieghbour": "neighbour", "neighbur": "neighbour", "nebour": "neighbour",
    "werker": "worker", "wurker": "worker", "wrker": "worker", "worka": "worker",
    "sosial": "social", "socal": "social", "socail": "social", "socil": "social",
    "scool": "school", "skool": "school", "shool": "school", "scohol": "school",
    "famly": "family", "famliy": "family", "fambly": "family",
    "suport": "support", "supprt": "support",
    "teecher": "teacher", "techer": "teacher", "teacha": "teacher",
    "brover": "brother", "bruvva": "brother", "bruv": "brother",
    "sista": "sister", "sistr": "sister",
    "anty": "auntie", "antie": "auntie",
    "cuzin": "cousin", "cuz": "cousin", "cousen": "cousin",
    "granma": "grandma", "grandar": "grandad",
    "docter": "doctor", "doctar": "doctor",
    "helth": "health", "visiter": "visitor",
    "nurseree": "nursery", "nursry": "nursery",
}
