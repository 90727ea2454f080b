"""Toolkit content: methods for engaging a community. Written for this toolkit; the studies
named in the evidence are real, and each rating says honestly how sure we can be."""

COMMUNITY_WALKABOUT = {
    "slug": "community-walkabout",
    "title": "Community walkabout",
    "summary": "Residents, officers and councillors walk the neighbourhood together, note what "
    "makes each place feel safe or unsafe, and agree who will fix what.",
    "when_to_use": (
        "Use a walkabout when people keep mentioning particular places – an alleyway, a "
        "park, a row of shops, an underpass – but nobody has looked at them together. It is a "
        "good way to start in a new People Zone, because it shows the area through residents' "
        "eyes, and a good way to check, months later, whether changes made a difference.\n\n"
        "It is less useful for problems that move around, happen in private, or happen only at "
        "a time you cannot walk. For sensitive issues such as domestic abuse, use other routes."
    ),
    "steps": [
        (
            "Agree the purpose and the route",
            "With two or three residents, choose the area and the places people talk about. "
            "Plan a loop of 60 to 90 minutes that ends somewhere you can sit down. Check it "
            "works for wheelchairs and buggies, or offer a shorter loop.",
        ),
        (
            "Walk when the problem happens",
            "If people say the underpass feels unsafe after dark, walk it after dark. Many "
            "areas need two walks: one in daylight and one in the evening.",
        ),
        (
            "Invite the right mix of people",
            "Residents of different ages (young people, older people, parents with buggies, "
            "disabled people), the neighbourhood police team, the council's street services, "
            "the housing provider, a ward councillor, and the fire service if fires or "
            "fly-tipping are an issue. Eight to fifteen people is ideal; split larger groups.",
        ),
        (
            "Prepare a map and a checklist",
            "Print the route with numbered stops. For each stop: what is here, how does it "
            "feel (safe, all right, unsafe), what would help, who could act. Prompts help: "
            "lighting, litter and fly-tipping, graffiti, overgrown bushes, broken paving, "
            "empty buildings, places people gather, sightlines, signs.",
        ),
        (
            "Walk, stop and listen",
            "At each stop ask residents first. Note the exact location (nearest house number "
            "or lamp column number). Photograph places, never people or number plates. Note "
            "what is good as well as what is wrong.",
        ),
        (
            "Debrief straight away",
            "Spend half an hour somewhere warm going through each stop. Sort what you found "
            "into three piles: report today, needs a partner (agree who), and needs more work "
            "(take it to the PACT meeting or the Joint Action Group).",
        ),
        (
            "Report defects the same day",
            "Use the council's online reporting for street lights, fly-tipping and potholes, "
            "and keep the reference numbers so you can check progress.",
        ),
        (
            "Tell people what happened",
            "Within a month, share a one-page “you said, we did”: what is fixed, what is "
            "planned, and what cannot be done and why. Walk the route again in six to twelve "
            "months.",
        ),
    ],
    "people_needed": "A facilitator and a note-taker; 8 to 15 residents; the neighbourhood "
    "policing team; someone from the council's street services; the housing provider where it "
    "owns homes on the route.",
    "time_needed": "About two hours for the walk and debrief, plus half a day to plan and half "
    "a day to follow up.",
    "materials": "Printed route maps, checklists on clipboards, pens, a phone or camera.\n"
    "For an evening walk: torches and high-visibility vests.\nRefreshments for the debrief.",
    "budget": "Usually only refreshments, around £30. A community centre room is often free.",
    "tips": (
        "Let residents choose the route: they know which corners matter.\n"
        "Walk at the time the problem happens, even if that is after dark.\n"
        "Bring people who can fix things, not only people who note them.\n"
        "Photograph places, never faces or car number plates.\n"
        "Report what you can while you are still standing there.\n"
        "Publish what was fixed: quick visible wins bring people back next time."
    ),
    "risks": (
        "The same few voices: invite through schools, faith groups, youth clubs and door "
        "knocking, not only through the usual meeting.\n"
        "Walking past homes can feel like being watched: tell residents on the route "
        "beforehand and stay on public land.\n"
        "Raising hopes and then doing nothing: only promise what a named person has agreed to "
        "do, and say by when.\n"
        "Evening safety: walk as a group, tell the police team, carry torches and agree where "
        "to meet.\n"
        "Steps and steep paths: check the route and offer a shorter, step-free loop."
    ),
    "evidence_effect": (
        "There are no robust evaluations of walkabouts on their own. Practice reports from "
        "neighbourhood policing and community safety partnerships describe more defects "
        "reported and fixed, and residents who feel listened to. The changes a walkabout "
        "usually leads to – better lighting, clearing places to hide, cleaning up neglected "
        "spaces – rest on the stronger evidence for situational crime prevention."
    ),
    "evidence_mechanism": (
        "It puts residents' knowledge of places in front of the people who can change them, "
        "at the time and from the point of view of the people who use those places. Fixing "
        "what is found shows that someone cares for the place, which can encourage residents "
        "to look out for it too."
    ),
    "evidence_moderators": (
        "Works best where problems are tied to places (paths, parks, shop parades) and where "
        "agencies with budgets walk as well. Less useful for problems that move around or "
        "happen behind closed doors."
    ),
    "evidence_implementation": (
        "Everything depends on the follow-up: a walkabout that leads to nothing damages trust. "
        "One person must own the action list and report back to residents."
    ),
    "evidence_economic_cost": (
        "Low. Two to four hours of staff time for each agency, volunteers' time and "
        "refreshments. Repairs come from existing maintenance budgets."
    ),
    "evidence_strength": "practice",
    "effort": "light",
    "cost": "low",
    "keywords": "walk, walkaround, environmental visual audit, EVA, site visit, neighbourhood "
    "walk, hotspot, grot spot",
    "tags": {
        "domain": ["safety", "resources"],
        "principle": ["community_enabled", "problem_solving", "integration_of_services"],
        "problem": ["public_spaces", "feeling_unsafe", "anti_social_behaviour"],
        "group_size": ["small", "medium"],
        "sara_stage": ["scanning", "assessment"],
    },
    "related": ["street-light-audit", "asset-mapping", "pact-meeting"],
}

PACT_MEETING = {
    "slug": "pact-meeting",
    "title": "PACT meeting",
    "summary": "Partners And Communities Together: a regular public meeting where residents "
    "choose up to three local priorities, and the police and partners report back on them "
    "at the next meeting.",
    "when_to_use": (
        "Use PACT to give residents a regular, predictable way to set local priorities and "
        "hold the neighbourhood police team and partners to account. It suits an area with no "
        "such forum, and follows on well from a walkabout or community conversations.\n\n"
        "It is not the place to report crime or pursue an individual complaint, and it is too "
        "local for decisions about the whole city or county."
    ),
    "steps": [
        (
            "Agree who runs it and how often",
            "Usually the neighbourhood police team with a council officer or, better, a "
            "resident as chair. Meet every 8 to 12 weeks at the same kind of place and time.",
        ),
        (
            "Choose an accessible venue",
            "A community centre, school or library, step-free and on a bus route. Try an "
            "early evening start; offer a way to take part online for those who cannot come.",
        ),
        (
            "Publicise it three weeks ahead",
            "Posters in shops, social media, school and housing newsletters, and leaflets in "
            "the streets most affected. Say plainly that the people who take part choose the "
            "priorities.",
        ),
        (
            "Prepare the facts",
            "The police team brings a short summary of recent crime and anti-social behaviour "
            "with no personal details; each partner brings what it did on the last "
            "priorities.",
        ),
        (
            "Report back first",
            "Open with the previous priorities: what was done, what changed, and whether to "
            "close, keep or change each one. This is why people come back.",
        ),
        (
            "Hear what matters now",
            "The chair invites concerns and writes each on a flipchart. Individual cases are "
            "taken aside after the meeting, in private.",
        ),
        (
            "Choose up to three priorities",
            "Narrow the list by discussion, then vote by show of hands or sticky dots. Make "
            "each one specific about place, time and behaviour, for example “off-road bikes "
            "on the playing field off Aikman Avenue, weekday evenings”.",
        ),
        (
            "Agree actions and owners",
            "For each priority, what the police, each partner and residents themselves will "
            "do, by when. Anything the neighbourhood cannot solve goes to the Joint Action "
            "Group.",
        ),
        (
            "Publish and report back",
            "Share the priorities and actions within a week on noticeboards and social media, "
            "and report back at the next meeting.",
        ),
    ],
    "people_needed": "A chair (ideally a resident), the neighbourhood police sergeant or "
    "PCSO, a council community safety or neighbourhood officer, housing and other partners as "
    "the priorities need, a note-taker, and residents (often 10 to 40).",
    "time_needed": "90 minutes every 8 to 12 weeks, with about a day of preparation and "
    "follow-up by the organisers each time.",
    "materials": "Flipchart and pens, sticky dots for voting, a short crime and anti-social "
    "behaviour summary, last meeting's actions, refreshments.",
    "budget": "Room hire if it is not free (£20 to £60), posters and refreshments: usually "
    "under £150 a meeting.",
    "tips": (
        "Start with what was done since last time.\n"
        "Make priorities specific about place, time and behaviour so partners can act and "
        "residents can see the change.\n"
        "Let people vote online or by paper slip beforehand if they cannot come.\n"
        "Hold a street stall before the meeting to hear people who never come to meetings.\n"
        "Invite youth groups: young people's priorities are often different.\n"
        "Ask every partner, and residents, to take an action, not only the police."
    ),
    "risks": (
        "Small, unrepresentative attendance: use online votes, street stalls and youth clubs "
        "as well, and say how the priorities were chosen.\n"
        "A talking shop with the same complaints every time: close priorities when they are "
        "done and escalate what the neighbourhood cannot solve.\n"
        "Heated meetings: agree ground rules at the start and choose a confident chair.\n"
        "Details that identify victims or suspects: keep the discussion general."
    ),
    "evidence_effect": (
        "PACT grew out of neighbourhood policing in England and Wales. A Campbell systematic "
        "review of community-oriented policing (Gill and colleagues, 2014) found it improved "
        "residents' satisfaction with the police, their view of the police's legitimacy and "
        "their perception of disorder, but had little measurable effect on crime or on fear "
        "of crime. Studies of PACT and similar meetings report better public confidence where "
        "the police visibly report back, but often small and unrepresentative attendance."
    ),
    "evidence_mechanism": (
        "Residents set the agenda, so visible action follows what they care about. Reporting "
        "back, and being treated fairly and listened to, builds trust in the police and "
        "partners; regular contact builds relationships and local intelligence."
    ),
    "evidence_moderators": (
        "Works better with wide publicity, accessible times, a good chair, the same officers "
        "over time, and partners – not only the police – taking actions. Works less well "
        "where the same few people attend or priorities stay vague."
    ),
    "evidence_implementation": (
        "Consistency matters most: a regular schedule, named officers, and a visible report "
        "back at every meeting. Combine it with other ways of hearing from people."
    ),
    "evidence_economic_cost": (
        "Little money; the cost is two to three hours of time for each officer and partner "
        "at each meeting, plus the organisers' preparation."
    ),
    "evidence_strength": "moderate",
    "effort": "moderate",
    "cost": "low",
    "keywords": "Partners and Communities Together, neighbourhood priorities, beat meeting, "
    "community meeting, police priorities, ward panel, you said we did",
    "tags": {
        "domain": ["safety"],
        "principle": ["community_enabled", "problem_solving", "integration_of_services"],
        "problem": ["priorities", "anti_social_behaviour", "neighbourhood_crime"],
        "group_size": ["medium", "large"],
        "sara_stage": ["scanning", "response", "assessment"],
    },
    "related": ["community-walkabout", "community-conversations", "sara"],
}

ASSET_MAPPING = {
    "slug": "asset-mapping",
    "title": "Asset mapping",
    "summary": "Residents and partners list and map what a neighbourhood already has – "
    "people's skills, groups, places, services and businesses – so plans start from "
    "strengths rather than needs.",
    "when_to_use": (
        "Use asset mapping at the start of a People Zone or before writing an ambition "
        "statement; when a community is only ever described by its problems; to find who can "
        "help with an issue; or before bidding for funding, to show what is already there. It "
        "is the starting point of Asset-Based Community Development, the approach People "
        "Zones moved to in 2022."
    ),
    "steps": [
        (
            "Agree the area and what counts as an asset",
            "A common list has six kinds: people's skills and passions; groups and clubs, "
            "formal or not; institutions such as schools, surgeries and the police; physical "
            "spaces; the local economy; and the area's culture and stories.",
        ),
        (
            "Form a mapping team",
            "Three to eight residents and a couple of partner staff, including people who "
            "know different parts of the community: young people, faith groups, newcomers.",
        ),
        (
            "Start with what people know",
            "Run a workshop around a large printed map. People add sticky notes for places, "
            "groups and people they know of – people only with their agreement.",
        ),
        (
            "Go out and find more",
            "Have short conversations at the school gate, in shops, places of worship and "
            "clubs: “What do you enjoy doing? What do you know about? What would you be "
            "willing to share or teach?”",
        ),
        (
            "Record it simply",
            "A spreadsheet or online map: the asset, what kind it is, where, what it could "
            "offer, and how to contact it if the person agreed. Keep personal details out of "
            "any public version.",
        ),
        (
            "Look at the map together",
            "Which groups could work together? Which connections are missing? Where are the "
            "gaps, such as nowhere for teenagers to go in the evening?",
        ),
        (
            "Make the first connections",
            "Pick one or two ideas – the retired joiner and the youth club, the church hall "
            "that is empty on Tuesdays – and agree who makes each introduction.",
        ),
        (
            "Keep it alive",
            "Review the map every six to twelve months. The number of community assets "
            "mapped is one of the zone's resources indicators.",
        ),
    ],
    "people_needed": "Three to eight residents who will do the mapping, a facilitator, partner "
    "staff who know local services, and everyone willing to say what they can offer.",
    "time_needed": "A two-hour workshop, two to six weeks of conversations, then a second "
    "workshop to look at the map together.",
    "materials": "A large printed map, sticky notes and dots, a spreadsheet or free online map, "
    "a short conversation guide, and a consent note for recording people's details.",
    "budget": "Printing and refreshments, £50 to £200. Online mapping tools are free.",
    "tips": (
        "Ask “what are you good at?” before “what is wrong?”\n"
        "Count informal groups too: a dog walkers' WhatsApp group is an asset.\n"
        "Ask before you record anyone's name or skills, and say who will see them.\n"
        "Spend more time connecting assets than listing them.\n"
        "Share the map with everyone who helped make it."
    ),
    "risks": (
        "A directory nobody uses: agree the first connections before you finish.\n"
        "Professionals mapping for residents instead of with them: let residents hold the "
        "pens.\n"
        "Personal data: keep contact details secure and out of the public map, and delete "
        "them when no longer needed.\n"
        "Ignoring real problems: starting from strengths does not mean pretending; use it "
        "alongside problem solving."
    ),
    "evidence_effect": (
        "The evidence for asset mapping and asset-based community development comes mostly "
        "from case studies and practitioners' evaluations. UK reviews of asset-based "
        "approaches to health and well-being describe more social connection, volunteering "
        "and confidence among those involved, and all note that robust evaluations of "
        "outcomes are scarce."
    ),
    "evidence_mechanism": (
        "Seeing what a community already has shifts the conversation from deficits to "
        "contributions, encourages residents to act for themselves, and shows partners "
        "resources they can join up – which matters where zones run on existing resources."
    ),
    "evidence_moderators": (
        "Works best where someone connects people after the mapping and partners are willing "
        "to hand some control to residents. Harder where residents move in and out often."
    ),
    "evidence_implementation": (
        "Needs a connector (a Local Area Co-ordinator or community worker), residents "
        "involved from the start, and a plan to keep the map up to date."
    ),
    "evidence_economic_cost": (
        "Little money: facilitator and volunteer time over some weeks. It often unlocks "
        "in-kind contributions such as free rooms, equipment and skills."
    ),
    "evidence_strength": "limited",
    "effort": "moderate",
    "cost": "low",
    "keywords": "ABCD, asset based community development, community assets, strengths, "
    "community map, skills audit, directory, connector",
    "tags": {
        "domain": ["resources", "skills", "health"],
        "principle": ["community_enabled", "resilience_building", "integration_of_services"],
        "problem": ["cohesion", "isolation", "priorities"],
        "group_size": ["small", "medium"],
        "sara_stage": ["scanning", "analysis"],
    },
    "related": ["appreciative-inquiry", "participatory-budgeting", "community-walkabout"],
}

PARTICIPATORY_BUDGETING = {
    "slug": "participatory-budgeting",
    "title": "Participatory budgeting",
    "summary": "Residents decide together how to spend part of a budget: local groups "
    "propose projects and the community votes on which are funded.",
    "when_to_use": (
        "Use it when there is money for the area – a small grants fund, a ward budget, money "
        "recovered from crime – and you want residents to own the decisions, to reach beyond "
        "the usual people, and to build trust.\n\n"
        "Do not use it for sums so small that running the process costs more than the pot, "
        "or where the funder cannot promise to accept the result."
    ),
    "steps": [
        (
            "Agree the pot and the rules with the funder",
            "How much, what it may fund, who may bid, the most any project can get, who may "
            "vote (from what age, living where) and the dates. Write the rules in plain "
            "English and agree that the result will stand.",
        ),
        (
            "Set up a steering group",
            "Four to eight residents and partners to run the process and answer questions.",
        ),
        (
            "Invite ideas",
            "Publicise widely. Hold a drop-in to help groups write a one-page bid: what, who "
            "benefits, what it costs, and how it helps the zone's ambition.",
        ),
        (
            "Check the bids",
            "Check eligibility and the basics – a bank account or a host organisation, "
            "safeguarding for work with children – without judging which are best. That is "
            "for residents.",
        ),
        (
            "Hold the decision event",
            "Each group has two or three minutes or a stall. Residents score or vote with "
            "ballot papers or tokens, and the count is done in the open. An online vote over "
            "two weeks reaches more people.",
        ),
        (
            "Announce and publish the results",
            "On the day, then in writing, with the number of votes for each bid.",
        ),
        (
            "Fund and support the projects",
            "Simple grant agreements and monitoring; extra help for groups new to running a "
            "project.",
        ),
        (
            "Show what happened",
            "Six months on, invite projects to share what they did. Report to the community "
            "and the funder, including the value of volunteer time and in-kind support.",
        ),
    ],
    "people_needed": "A steering group of 4 to 8 residents and partners, someone to handle "
    "grant payments, volunteers on the day, and the bidding groups; voters from dozens to "
    "hundreds.",
    "time_needed": "Three to four months from agreeing the pot to the decision event; six to "
    "twelve months of projects after it.",
    "materials": "Plain-English rules and bid form, a venue, ballot papers or tokens, an online "
    "voting tool if used, publicity.",
    "budget": "The pot itself (often £5,000 to £50,000 for a neighbourhood), plus a few hundred "
    "pounds for the venue, publicity and refreshments, and staff time.",
    "tips": (
        "Publish the rules before inviting bids, and do not change them afterwards.\n"
        "Let young people bid and vote.\n"
        "Help first-time groups write bids: judge ideas, not writing skills.\n"
        "Make the decision day a celebration, with food and stalls.\n"
        "Report back on every funded project, including those that struggled."
    ),
    "risks": (
        "A popularity contest won by the best-organised groups: cap bids per organisation and "
        "help new groups.\n"
        "Vote stacking: one vote per person, checked against living in the area.\n"
        "The funder overruling the vote: agree beforehand that the result stands.\n"
        "Groups that lose feel rejected: thank them, give feedback and point to other "
        "funding."
    ),
    "evidence_effect": (
        "A national evaluation of participatory budgeting in England for the Department for "
        "Communities and Local Government (2011) found that it increased involvement in local "
        "decisions, confidence and skills among those taking part, and strengthened community "
        "groups; it found little evidence either way on longer-term outcomes such as crime or "
        "health. Research abroad, notably in Brazil, links participatory budgeting to changes "
        "in public spending, but at a far larger scale than a neighbourhood pot."
    ),
    "evidence_mechanism": (
        "Handing a real decision to residents signals trust, gives groups a reason to "
        "organise, and sends money to what people value. Taking part builds skills and "
        "networks."
    ),
    "evidence_moderators": (
        "Works better when the pot is big enough to matter, the rules are clear, the process "
        "reaches beyond the usual groups, and the result is honoured and reported back."
    ),
    "evidence_implementation": (
        "Needs a committed funder, a clear timetable, accessible voting, and support for small "
        "groups to deliver what they promised."
    ),
    "evidence_economic_cost": (
        "The pot plus running costs. Staff time is substantial the first time and falls as the "
        "process becomes routine. Projects often attract volunteer time and in-kind support "
        "worth more than their grant."
    ),
    "evidence_strength": "limited",
    "effort": "substantial",
    "cost": "high",
    "keywords": "PB, community grants, voting, community chest, decision day, small grants, "
    "you decide, funding",
    "tags": {
        "domain": ["resources", "skills"],
        "principle": ["community_enabled", "resilience_building"],
        "problem": ["priorities", "cohesion", "young_people"],
        "group_size": ["large"],
        "sara_stage": ["response"],
    },
    "related": ["asset-mapping", "appreciative-inquiry", "community-conversations"],
}

APPRECIATIVE_INQUIRY = {
    "slug": "appreciative-inquiry",
    "title": "Appreciative inquiry",
    "summary": "A structured conversation that starts from what already works in a community, "
    "imagines its future and plans how to get there, in four stages: Discover, Dream, Design "
    "and Deliver.",
    "when_to_use": (
        "Use it when writing or refreshing a zone's ambition statement, when a community is "
        "tired of being described by its problems, to bring a group back to life, or when "
        "residents and partners need a shared picture of the future.\n\n"
        "It is not the tool for an urgent, specific crime problem: use SARA for that."
    ),
    "steps": [
        (
            "Choose a positive topic",
            "Turn the problem round: instead of “reducing anti-social behaviour”, “a "
            "neighbourhood where young and old feel at home”. Agree the wording with a few "
            "residents.",
        ),
        (
            "Invite a real mix of people",
            "Residents of all ages, panel members and partners: 12 to 40 people suits one "
            "workshop.",
        ),
        (
            "Discover: what works here",
            "In pairs, people interview each other: “Tell me about a time you felt proud of "
            "this neighbourhood. What made it possible?” Pairs share stories in small groups "
            "and note what they have in common.",
        ),
        (
            "Dream: what could be",
            "Groups imagine the area in three to five years, when those best moments are "
            "normal, and show it as a newspaper headline, a drawing or a short scene. Look "
            "for common ground.",
        ),
        (
            "Design: how it will be",
            "Turn the shared dream into a few plain statements, such as “every young person "
            "knows an adult at the community centre they can talk to”. These can feed the "
            "ambition statement.",
        ),
        (
            "Deliver: who does what",
            "People volunteer for actions they care about. Agree first steps, owners and a "
            "date to meet again, and link them to the delivery plan.",
        ),
        (
            "Meet again",
            "After six to eight weeks, share progress and new stories to keep the momentum.",
        ),
    ],
    "people_needed": "A facilitator who knows the method or has read a guide, 12 to 40 "
    "participants, and helpers to note themes.",
    "time_needed": "One full day or two half-days a week apart, plus follow-up meetings.",
    "materials": "Interview question sheets, flipcharts, pens, art materials for the Dream "
    "stage, a large room with tables, food.",
    "budget": "Venue and food, £100 to £400. A trained external facilitator costs more.",
    "tips": (
        "Spend time on the wording of the question: people answer the question you ask.\n"
        "Mix the pairs: resident with officer, young with old.\n"
        "Write down people's exact words: they make the ambition statement sound like the "
        "community.\n"
        "Do not rush Deliver: leave with names against actions."
    ),
    "risks": (
        "Seeming to ignore real problems: name them openly; appreciative inquiry chooses "
        "where to start, not what to ignore.\n"
        "A dream with no delivery: link actions to the delivery plan and follow up.\n"
        "Confident voices dominating: use pairs and small groups so everyone speaks.\n"
        "An inexperienced facilitator: read a guide and practise the questions first."
    ),
    "evidence_effect": (
        "Appreciative inquiry comes from organisational development in the 1980s "
        "(Cooperrider and Srivastva). The evidence is mostly case studies. A review of "
        "published cases (Bushe and Kassam, 2005) found it led to lasting change mainly where "
        "it produced genuinely new ideas and people then acted on them themselves, rather than "
        "simply from being positive. There are no robust studies of its effect on community "
        "safety."
    ),
    "evidence_mechanism": (
        "Starting from strengths builds energy and confidence; shared stories create a "
        "common picture of what is possible; people commit to actions they designed."
    ),
    "evidence_moderators": (
        "Works better with a real mix of participants, leaders who accept what emerges, and "
        "actions that get resources. Less suited to an urgent problem that needs analysis."
    ),
    "evidence_implementation": (
        "A skilled facilitator, well-worded questions, and follow-up that ties the Design to "
        "a real plan."
    ),
    "evidence_economic_cost": (
        "Low to moderate: a day of participants' and facilitators' time, the venue and food."
    ),
    "evidence_strength": "limited",
    "effort": "moderate",
    "cost": "low",
    "keywords": "AI, 4D cycle, 4-D, discover dream design deliver, destiny, strengths, vision, "
    "ambition statement, positive",
    "tags": {
        "domain": ["skills", "health", "resources"],
        "principle": ["community_enabled", "resilience_building"],
        "problem": ["cohesion", "priorities", "isolation"],
        "group_size": ["small", "medium"],
        "sara_stage": ["scanning", "response"],
    },
    "related": ["asset-mapping", "community-conversations", "participatory-budgeting"],
}

COMMUNITY_CONVERSATIONS = {
    "slug": "community-conversations",
    "title": "Community conversations",
    "summary": "Informal, hosted conversations in places people already go – the school gate, "
    "a café, a faith centre – to hear from residents who never come to meetings.",
    "when_to_use": (
        "Use them to hear people who do not attend meetings; early in a zone, to understand "
        "concerns and hopes; before setting priorities; after an incident that shook a "
        "community, to listen and reassure; or to test an idea before committing to it."
    ),
    "steps": [
        (
            "Decide what you want to learn",
            "Two or three open questions, such as “What is good about living here? What "
            "would make it better? What would you be willing to do?”",
        ),
        (
            "Go where people already are",
            "List places and times: school pick-up, after Friday prayers, the youth club, "
            "bingo, the launderette, the chip shop queue. Ask each host's permission.",
        ),
        (
            "Choose and brief the hosts",
            "Residents and trusted workers, in pairs, who reflect the community in age and "
            "language. Brief them to listen rather than defend or promise, and on what to do "
            "if someone tells them about harm.",
        ),
        (
            "Make it easy to stop and talk",
            "A table, tea, and a simple prompt – a map to put dots on, a board saying “one "
            "thing that would make this street better is…”. Five to ten minutes is enough.",
        ),
        (
            "Record what you hear, not who said it",
            "One sheet per conversation: themes, exact quotes, where. No names or addresses "
            "unless someone asks to be contacted and agrees.",
        ),
        (
            "Make sense of it together",
            "After several sessions, sort the notes into themes with residents, count how "
            "often each comes up, and note who you have not heard from yet.",
        ),
        (
            "Say what you heard and what happens next",
            "Share the findings in the same places, and say where they are going: the PACT "
            "meeting, the community panel, the Joint Action Group.",
        ),
    ],
    "people_needed": "Two to six conversation hosts, a coordinator, and the people who run the "
    "places you visit.",
    "time_needed": "Sessions of one to two hours over two to six weeks, and half a day to sort "
    "the findings.",
    "materials": "A conversation guide, recording sheets, a large map and sticky dots, a sign "
    "saying who you are, tea and biscuits, a leaflet about what happens next.",
    "budget": "Refreshments and printing, £50 to £150; interpreters if needed.",
    "tips": (
        "Go to people; do not expect them to come to you.\n"
        "Ask open questions, then listen; resist explaining why things are as they are.\n"
        "Write down exact words: quotes persuade partners.\n"
        "Notice who you are not hearing from, and go and find them.\n"
        "Always say what will happen with what you heard."
    ),
    "risks": (
        "Someone tells you about abuse or harm: brief hosts on safeguarding and how to "
        "report it.\n"
        "Raising expectations: be clear about what you can and cannot change.\n"
        "Consultation fatigue: check what other agencies asked recently and share findings.\n"
        "Personal data: do not record names unless needed and agreed."
    ),
    "evidence_effect": (
        "Evidence for this technique on its own is mostly practitioners' reports. Community "
        "engagement more broadly has a stronger base: NICE's guideline on community "
        "engagement (NG44, 2016) recommends it as a way to improve health and reduce "
        "inequalities, while noting that evidence for particular techniques is limited."
    ),
    "evidence_mechanism": (
        "Meeting people on their own ground lowers the barriers of time, confidence and "
        "trust, so a wider range of voices shapes priorities. Being listened to builds trust "
        "in the agencies that listen – when they act on what they hear."
    ),
    "evidence_moderators": (
        "Who hosts matters: trusted local people hear more honest answers than officials. "
        "Works better when findings visibly lead somewhere."
    ),
    "evidence_implementation": (
        "A consistent way of recording, making sense of the findings with residents, and a "
        "clear route from findings to decisions."
    ),
    "evidence_economic_cost": "Low: staff and volunteer time, refreshments.",
    "evidence_strength": "limited",
    "effort": "light",
    "cost": "low",
    "keywords": "listening, consultation, engagement, street stall, pop-up, door knocking, "
    "survey, conversation café, outreach, hard to reach",
    "tags": {
        "domain": ["health", "safety", "skills"],
        "principle": ["community_enabled", "integration_of_services"],
        "problem": ["cohesion", "isolation", "feeling_unsafe", "priorities", "young_people"],
        "group_size": ["small"],
        "sara_stage": ["scanning", "assessment"],
    },
    "related": ["pact-meeting", "appreciative-inquiry", "asset-mapping"],
}

METHODS = [
    COMMUNITY_WALKABOUT,
    PACT_MEETING,
    ASSET_MAPPING,
    PARTICIPATORY_BUDGETING,
    APPRECIATIVE_INQUIRY,
    COMMUNITY_CONVERSATIONS,
]
