"""Toolkit content: methods for solving local problems, and one draft still being written.
Written for this toolkit; the studies named in the evidence are real, and each rating says
honestly how sure we can be."""

STREET_LIGHT_AUDIT = {
    "slug": "street-light-audit",
    "title": "Street-light audit",
    "summary": "Residents and partners check the street lights of an area after dark, record "
    "what is out, dim or hidden by trees, get it fixed, and track the repairs.",
    "when_to_use": (
        "Use it when people say a street, path or car park feels unsafe after dark; after "
        "reports of crime or anti-social behaviour at night in a small area; before and after "
        "a change to the lighting, such as LED conversion or part-night switch-off; or as "
        "part of work on the safety of women and girls.\n\n"
        "It finds faults and dark spots quickly. Deciding whether an area needs new lighting "
        "is a bigger question for the council, which the audit gives evidence for."
    ),
    "steps": [
        (
            "Define the area and ask for the lighting map",
            "Agree the streets and paths. Ask the council's street-lighting team for a map of "
            "the lights with their column numbers (each lamp post carries one), and which "
            "lights are dimmed or switched off for part of the night.",
        ),
        (
            "Plan the walk for after dark",
            "Choose a time when all lights should be on. Two to four people per route, with "
            "high-visibility vests, torches and charged phones. Tell the neighbourhood police "
            "team when and where you will be.",
        ),
        (
            "Check every light",
            "Is it out, flickering, dim, damaged, or hidden by trees or hedges? Is it on in "
            "daylight (check on a daytime walk too)? Note the column number and location.",
        ),
        (
            "Note the dark spots, not only the faults",
            "Places with no light at all, pools of shadow in alleys, entries, parking courts "
            "and bus stops, and unlit private land next to the street.",
        ),
        (
            "Ask the people who use it after dark",
            "Shift workers, young people, women walking alone: where do they avoid, and why? "
            "The answer is not always a broken light.",
        ),
        (
            "Report faults the next day at the latest",
            "Use the council's online fault reporting with the column numbers, and keep the "
            "reference numbers and dates. Lights on private land – housing courts, shop car "
            "parks – go to their owner.",
        ),
        (
            "Track the repairs",
            "Check again after 7 and after 28 days. Count how many defects were fixed within "
            "28 days: it is one of the zone's safety indicators.",
        ),
        (
            "Take bigger issues to the right place",
            "Where the problem is no lighting at all, or the lighting policy itself, take "
            "your map, photos and what people told you to the Joint Action Group or the "
            "council. Report overgrown trees blocking lights to whoever owns the land.",
        ),
        (
            "Tell residents what you found",
            "Share “what we found, what is fixed, what is next” on noticeboards and social "
            "media, and at the next PACT meeting.",
        ),
    ],
    "people_needed": "Two to four people per route, including at least one resident who uses "
    "it after dark; a contact in the council's street-lighting or highways team; the "
    "neighbourhood police team, told in advance or walking with you.",
    "time_needed": "About an hour after dark for each route, half an hour to report the faults, "
    "and short checks after 7 and 28 days.",
    "materials": "Map of the lights with column numbers\nChecklist and clipboard\nTorches and "
    "high-visibility vests\nA phone for photos and online reporting",
    "budget": "Nothing but time. Repairs come from the council's maintenance budget; new "
    "lighting is a capital cost for the council or the landowner to decide.",
    "tips": (
        "The number on each lamp post makes a fault report quick and exact: always note it.\n"
        "Audit in winter, when it is dark early and more people are out after dark.\n"
        "Check in daylight too: a light that is on all day is also a fault.\n"
        "Ask women and young people where they avoid after dark.\n"
        "Trees and hedges blocking lights are a quick win: report them to the landowner."
    ),
    "risks": (
        "Auditors' safety after dark: walk in groups, tell someone where you are, carry "
        "torches and stay on public land.\n"
        "More light is not always better: glare can disturb residents and wildlife, and light "
        "where nobody is watching can help offenders as much as anyone. Talk to the lighting "
        "engineers.\n"
        "Expecting new lights quickly: new columns need budget and take months; say so.\n"
        "Faults reported but never fixed: track them and escalate through the Joint Action "
        "Group."
    ),
    "evidence_effect": (
        "Improved street lighting is one of the better-studied crime prevention measures. A "
        "Campbell systematic review (Welsh and Farrington, 2008) of evaluations in the UK and "
        "the US found that crime fell in areas where lighting was improved, compared with "
        "similar areas where it was not, and that it fell in daytime as well as at night. The "
        "College of Policing's Crime Reduction Toolkit summarises the evidence for street "
        "lighting as showing a reduction in crime. The audit itself – finding, reporting and "
        "tracking faults – has not been evaluated on its own: its value lies in getting "
        "lighting fixed and in what residents find and report."
    ),
    "evidence_mechanism": (
        "Better lighting helps people see and be seen, so offenders are more likely to be "
        "noticed. That crime also fell in daytime suggests a second mechanism: visible "
        "investment raises pride in the area and residents' willingness to look out for it, "
        "and tells offenders that the place is cared for."
    ),
    "evidence_moderators": (
        "Effects were larger in the UK studies and where the improvement in lighting was "
        "clear. Lighting helps less where nobody is around to see, and can make some targets "
        "easier to spot."
    ),
    "evidence_implementation": (
        "Needs the council's lighting team on board, faults reported with column numbers, and "
        "repairs followed up. Combine it with cutting back vegetation and the other changes a "
        "walkabout finds."
    ),
    "evidence_economic_cost": (
        "The audit costs only time. Repairs are routine maintenance. New lighting is "
        "expensive, but UK studies by Painter and Farrington estimated that the savings from "
        "crimes prevented exceeded its cost."
    ),
    "evidence_strength": "moderate",
    "effort": "light",
    "cost": "none",
    "keywords": "lighting, lights, street lamps, lamp posts, lamp columns, dark, darkness, "
    "night, unlit, LED, women's safety",
    "tags": {
        "domain": ["safety"],
        "principle": ["community_enabled", "problem_solving", "integration_of_services"],
        "problem": [
            "feeling_unsafe",
            "public_spaces",
            "neighbourhood_crime",
            "anti_social_behaviour",
        ],
        "group_size": ["small"],
        "sara_stage": ["scanning", "response", "assessment"],
    },
    "related": ["community-walkabout", "problem-analysis-triangle", "sara"],
}

SARA = {
    "slug": "sara",
    "title": "SARA problem solving",
    "summary": "A four-stage way of tackling a recurring local problem – Scanning, Analysis, "
    "Response, Assessment – instead of answering incidents one by one.",
    "when_to_use": (
        "Use SARA when the same kind of incident keeps happening in the same place, at the "
        "same times or to the same people; when a Joint Action Group or neighbourhood team "
        "takes on a problem; or when what has been tried so far has not worked.\n\n"
        "It is not for one-off incidents or emergencies."
    ),
    "steps": [
        (
            "Scanning: spot and define the problem",
            "Look for repeats in calls to the police and council, anti-social behaviour "
            "reports, residents' complaints and walkabout findings. Define the problem "
            "precisely – who, what, where, when – for example “off-road bikes on the playing "
            "fields, weekday evenings, April to September”.",
        ),
        (
            "Bring in the partners who hold the data and the levers",
            "The police, council, housing provider, youth services, the people who manage "
            "the places involved, and residents affected. Agree how data will be shared "
            "safely.",
        ),
        (
            "Analysis: find out why it happens",
            "Gather data from every partner: times, places, repeat victims and repeat "
            "locations. Talk to residents and, where you can, to those involved. Use the "
            "problem analysis triangle. Check what was tried before. Set a measurable goal.",
        ),
        (
            "Response: act on the causes",
            "Choose responses that act on what the analysis found, drawing on evidence of "
            "what works (use an EMMIE check) and on every partner, not only enforcement: "
            "changes to the place, support for victims, diversion or enforcement for "
            "offenders, and the people who manage places. Write an action plan with owners "
            "and dates.",
        ),
        (
            "Assessment: did it work?",
            "Compare your measure before and after, ideally with a similar area. Check whether "
            "the problem moved elsewhere, or whether nearby areas improved too. Ask "
            "residents. Decide whether to close, carry on, or go back to Analysis.",
        ),
        (
            "Record and share what you learned",
            "Keep a short record of each stage so others can learn from it, and tell the "
            "community what was done.",
        ),
    ],
    "people_needed": "A problem owner (often a neighbourhood sergeant, community safety officer "
    "or Joint Action Group member), someone comfortable with data, partners who hold data or "
    "can act, and the residents affected.",
    "time_needed": "From a few weeks for a simple problem to several months; the assessment "
    "needs data from before and after.",
    "materials": "Incident data from the police, council and housing provider; a map; a "
    "problem-solving template; the problem analysis triangle; the College of Policing Crime "
    "Reduction Toolkit.",
    "budget": "Mostly staff time. Responses may cost money, usually from existing budgets.",
    "tips": (
        "Spend longer on Analysis than feels comfortable: most failures come from jumping to "
        "a response.\n"
        "Define the problem narrowly enough to act on.\n"
        "Choose your measure before you start, so you can tell whether it worked.\n"
        "Look for the few places, people and times that account for most incidents.\n"
        "Ask who could change this: often a place manager, not the police."
    ),
    "risks": (
        "Going straight to enforcement: check every response against the analysis.\n"
        "No assessment, so nobody knows whether it worked: plan it from the start.\n"
        "Data that cannot be shared: agree an information-sharing agreement through the "
        "Community Safety Partnership and use anonymised data.\n"
        "Displacement: check nearby areas and times.\n"
        "Treating SARA as paperwork: go back a stage whenever you learn something new."
    ),
    "evidence_effect": (
        "SARA is the core of problem-oriented policing. Campbell systematic reviews (Weisburd "
        "and colleagues, 2008; Hinkle and colleagues, 2020) found that problem-oriented "
        "policing led to modest but meaningful reductions in crime and disorder compared with "
        "usual practice. The College of Policing's Crime Reduction Toolkit describes the "
        "evidence for problem-oriented policing as showing a reduction in crime."
    ),
    "evidence_mechanism": (
        "Responses tailored to the causes found in analysis remove the opportunities and "
        "conditions that produce repeat incidents, instead of dealing with each incident as "
        "it happens."
    ),
    "evidence_moderators": (
        "The quality of the analysis and of the partnership matters most. Effects are larger "
        "where responses are specific to the problem and change the situation, and weaker "
        "where analysis is shallow or the only response is enforcement."
    ),
    "evidence_implementation": (
        "Needs protected time, access to data, analytical support, partners who will act, "
        "and managers who value assessment. Training helps."
    ),
    "evidence_economic_cost": (
        "Mostly staff time, which is significant for complex problems. Solving a problem can "
        "free time later by cutting repeat calls and visits."
    ),
    "evidence_strength": "strong",
    "effort": "substantial",
    "cost": "none",
    "keywords": "problem solving, problem-oriented policing, POP, scanning analysis response "
    "assessment, OSARA, repeat incidents, hotspot, partnership problem solving",
    "tags": {
        "domain": ["safety"],
        "principle": ["problem_solving", "integration_of_services", "community_enabled"],
        "problem": ["anti_social_behaviour", "neighbourhood_crime", "what_works", "public_spaces"],
        "group_size": ["small"],
        "sara_stage": ["scanning", "analysis", "response", "assessment"],
    },
    "related": ["problem-analysis-triangle", "emmie-check", "pact-meeting"],
}

PROBLEM_ANALYSIS_TRIANGLE = {
    "slug": "problem-analysis-triangle",
    "title": "Problem analysis triangle",
    "summary": "A simple diagram for analysing a problem by its three sides – victim, offender "
    "and location – and the people who can influence each: guardians, handlers and place "
    "managers.",
    "when_to_use": (
        "Use it in the Analysis stage of SARA; in a Joint Action Group or community panel "
        "meeting, to get beyond “we need more patrols”; and to see which partner can act on "
        "which side of a problem."
    ),
    "steps": [
        (
            "State the problem precisely",
            "From your scanning: what happens, where and when.",
        ),
        (
            "Draw the triangle",
            "On a flipchart, a triangle with its sides labelled victim (or target), offender "
            "and location. Around it, a larger triangle: guardian (who protects the victim), "
            "handler (who influences the offender) and manager (who is responsible for the "
            "place).",
        ),
        (
            "Fill in the victim side",
            "Who or what is harmed? Are the same people or targets harmed again and again? "
            "What makes them vulnerable? Who could protect them – family, neighbours, staff, "
            "cameras?",
        ),
        (
            "Fill in the offender side",
            "What do we know about who does it, without naming anyone in an open meeting? "
            "What do they gain? Who has influence over them – parents, youth workers, "
            "employers, probation?",
        ),
        (
            "Fill in the location side",
            "What about the place makes it possible: poor sightlines, lighting, escape "
            "routes, nobody in charge? Who manages it – the council's parks team, a landlord, "
            "a shop manager, a school?",
        ),
        (
            "Find the gaps",
            "A problem happens when offenders and targets meet in a place without effective "
            "guardians, handlers or managers. Mark where they are missing or ineffective.",
        ),
        (
            "Think of responses for each side",
            "Protect or support repeat victims; divert or deal with offenders; change the "
            "design, upkeep or management of the place. Name who will act on each.",
        ),
        (
            "Check the evidence",
            "Test the ideas with an EMMIE check before choosing, and carry them into the "
            "Response stage of SARA.",
        ),
    ],
    "people_needed": "Three to twelve people who know the problem from different angles: "
    "residents, neighbourhood police, the council, housing, youth services.",
    "time_needed": "45 minutes to an hour in a meeting, once the facts of the problem have been "
    "gathered.",
    "materials": "A flipchart with the triangle drawn on it, sticky notes, and the facts about "
    "the problem: incident data and a map.",
    "budget": "None.",
    "tips": (
        "Removing any one side of the triangle can stop the problem: look for the easiest "
        "side to change.\n"
        "The location side is often the cheapest to change and the most overlooked.\n"
        "Place managers are powerful: a landlord or shop manager can change more than a "
        "patrol.\n"
        "Describe patterns, not people: keep names out of the room."
    ),
    "risks": (
        "Blaming victims: the victim side is about protecting people, not finding fault.\n"
        "Guessing about offenders: base the offender side on evidence, and avoid stereotyping "
        "groups such as young people.\n"
        "Stopping at the diagram: always end with named actions."
    ),
    "evidence_effect": (
        "The triangle is a tool for analysis rather than an intervention, so it has not been "
        "evaluated on its own. It rests on routine activity theory (Cohen and Felson, 1979), "
        "which is well supported by research on where and when crime happens, and it is the "
        "standard analysis tool of problem-oriented policing, whose effect is supported by "
        "systematic reviews (see SARA). The outer triangle of controllers was added by John "
        "Eck in the early 2000s."
    ),
    "evidence_mechanism": (
        "It makes a group analyse the conditions that let a problem happen – offenders and "
        "targets meeting in places without effective control – so responses aim at causes and "
        "draw in the partners who control places and people."
    ),
    "evidence_moderators": (
        "Works best with good data and with partners in the room who control the places and "
        "people involved."
    ),
    "evidence_implementation": (
        "Quick to learn. Needs a facilitator who keeps the discussion on evidence and ends "
        "with actions."
    ),
    "evidence_economic_cost": "Negligible: an hour of the group's time.",
    "evidence_strength": "practice",
    "effort": "light",
    "cost": "none",
    "keywords": "PAT, crime triangle, routine activity theory, victim offender location, "
    "guardian handler manager, analysis, crime analysis",
    "tags": {
        "domain": ["safety"],
        "principle": ["problem_solving", "integration_of_services"],
        "problem": ["anti_social_behaviour", "neighbourhood_crime", "public_spaces", "what_works"],
        "group_size": ["small"],
        "sara_stage": ["analysis", "response"],
    },
    "related": ["sara", "emmie-check", "street-light-audit"],
}

EMMIE_CHECK = {
    "slug": "emmie-check",
    "title": "EMMIE evidence check",
    "summary": "A quick check of the evidence for a response before you choose it, under five "
    "headings: Effect, Mechanism, Moderators, Implementation and Economic cost.",
    "when_to_use": (
        "Use it in the Response stage of SARA before committing to an intervention; when a "
        "partner proposes a favourite solution; when writing or scoring a grant bid; or when "
        "choosing between methods in this toolkit."
    ),
    "steps": [
        (
            "Name the response and the problem",
            "For example, “CCTV in the Market Street car park to reduce thefts from vehicles”.",
        ),
        (
            "Look it up",
            "Start with summaries of many studies: the College of Policing Crime Reduction "
            "Toolkit (which uses EMMIE), the Youth Endowment Fund toolkit for violence "
            "affecting young people, the What Works Centre for Wellbeing, and this toolkit.",
        ),
        (
            "Effect",
            "Did it reduce the problem elsewhere, by how much, and how good is the evidence? "
            "Did it ever make things worse?",
        ),
        (
            "Mechanism",
            "How is it meant to work, and does that fit what your analysis found? Cameras "
            "deter only offenders who know about them and believe they will be caught.",
        ),
        (
            "Moderators",
            "Where and for whom did it work, or not? Is your place similar? Reviews of CCTV, "
            "for example, found it worked best in car parks.",
        ),
        (
            "Implementation",
            "What did it take to do it well – monitoring, lighting, signs, upkeep – and do "
            "you have that?",
        ),
        (
            "Economic cost",
            "What does it cost in money, time and in kind, compared with the alternatives?",
        ),
        (
            "Decide and write it down",
            "A one-page note of the check and the decision, and how you will assess the "
            "result. With little evidence, a response may still be worth a pilot, if it is "
            "properly assessed.",
        ),
    ],
    "people_needed": "One or two people to do the check, and the group choosing the response "
    "to discuss it.",
    "time_needed": "One to two hours for a common response; longer when little has been published.",
    "materials": "Internet access, the College of Policing Crime Reduction Toolkit, a one-page "
    "EMMIE template, and your problem analysis.",
    "budget": "None.",
    "tips": (
        "No evidence of effect is not evidence of no effect: new ideas can be piloted with a "
        "plan to assess them.\n"
        "The mechanism question is the most useful: it tells you whether a response fits your "
        "problem.\n"
        "Be wary of responses that have been tested and found to do harm.\n"
        "Keep the check short: one page is enough."
    ),
    "risks": (
        "Analysis paralysis: set a time limit, then decide.\n"
        "Cherry-picking studies that back a favourite idea: start from reviews, not single "
        "studies.\n"
        "Assuming results transfer: check the moderators against your area."
    ),
    "evidence_effect": (
        "EMMIE is a framework for summarising evidence, set out by Johnson, Tilley and Bowers "
        "(2015) and used by the College of Policing's Crime Reduction Toolkit. It has not "
        "been evaluated as an intervention: its value is in helping people choose responses "
        "more likely to work, and avoid those that do not."
    ),
    "evidence_mechanism": (
        "Asking about mechanism, context and implementation as well as effect helps people "
        "judge whether something that worked elsewhere will work here, and avoid costly or "
        "harmful choices."
    ),
    "evidence_moderators": (
        "Most useful where summaries of evidence exist; harder for new or very local "
        "responses with little published."
    ),
    "evidence_implementation": (
        "Needs access to evidence summaries and the habit of checking before deciding. Short, "
        "routine checks work better than long reviews."
    ),
    "evidence_economic_cost": (
        "An hour or two of staff time, which can save money by avoiding responses unlikely to work."
    ),
    "evidence_strength": "practice",
    "effort": "light",
    "cost": "none",
    "keywords": "evidence, what works, crime reduction toolkit, College of Policing, effect "
    "mechanism moderators implementation economic cost, evaluation, evidence-based",
    "tags": {
        "domain": ["safety", "resources"],
        "principle": ["problem_solving"],
        "problem": ["what_works"],
        "group_size": ["small"],
        "sara_stage": ["response", "assessment"],
    },
    "related": ["sara", "problem-analysis-triangle"],
}

METHODS = [STREET_LIGHT_AUDIT, SARA, PROBLEM_ANALYSIS_TRIANGLE, EMMIE_CHECK]

# Still being written: it must never be seen outside the OPCC until it is published.
DRAFT_COMMUNITY_CAFE = {
    "slug": "community-cafe-drop-in",
    "title": "Community café drop-in",
    "summary": "A weekly café where residents and local officers meet informally over tea, "
    "so concerns come up early and people get to know the officers by name.",
    "when_to_use": (
        "Draft: to build the informal contact the Braunstone Blues evaluation found mattered, "
        "especially where residents do not come to formal meetings."
    ),
    "steps": [
        ("Find a host venue", "A community centre or church hall with a kitchen."),
        ("Agree a regular slot", "Same day and time every week; officers commit to attend."),
        ("Keep it informal", "No agenda; a noticeboard for what people raise and what happened."),
    ],
    "people_needed": "Volunteers to run the café; named local officers who come regularly.",
    "time_needed": "Two hours a week.",
    "materials": "Kitchen, tea and coffee, a noticeboard.",
    "budget": "About £15 a week for refreshments.",
    "tips": "Same officers every week.\nAsk residents to run it.",
    "risks": "Officers not turning up: agree a rota with a deputy.",
    "evidence_effect": "To be written: look at the evaluation of Braunstone Blues.",
    "evidence_mechanism": "To be written.",
    "evidence_moderators": "To be written.",
    "evidence_implementation": "To be written.",
    "evidence_economic_cost": "Low.",
    "evidence_strength": "practice",
    "effort": "moderate",
    "cost": "low",
    "keywords": "cafe, coffee morning, drop-in, informal contact",
    "tags": {
        "domain": ["health", "safety"],
        "principle": ["community_enabled", "integration_of_services"],
        "problem": ["isolation", "cohesion"],
        "group_size": ["small", "medium"],
        "sara_stage": ["scanning"],
    },
    "related": ["community-conversations", "pact-meeting"],
}
