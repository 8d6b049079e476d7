"""Actor coding: a table of mentions with the entity kind, country and sector they must get,
and the lookups later stages use (resolve, phrase_of, token_entities, entity_by_id). Every
table goes through `nlp.pipe` once."""
from __future__ import annotations

import pytest

from tidings import actors, gazetteer

# (text, mention text, kind, country or PLOVER code, a sector that must be among the entity's)
CASES = [
    # countries by name, short name, alias, capital standing for the government
    ("Russia accused the United States of escalating the war.", "Russia", "COUNTRY", "RUS", None),
    ("The US imposed new tariffs.", "US", "COUNTRY", "USA", None),
    ("Britain expelled the diplomats.", "Britain", "COUNTRY", "GBR", None),
    ("The DPRK fired a missile into the sea.", "DPRK", "COUNTRY", "PRK", None),
    ("Moscow has denied the reports.", "Moscow", "COUNTRY", "RUS", None),
    ("Washington blamed Damascus for the attack.", "Washington", "COUNTRY", "USA", None),
    ("Kyiv said the strikes hit power plants.", "Kyiv", "COUNTRY", "UKR", None),
    ("Kiev rejected the proposal.", "Kiev", "COUNTRY", "UKR", None),
    # civil-society bodies tied to no country are PLOVER's NGO; national ones are the home country's
    ("LIMA, May 14 (Reuters) - A human rights group said police had beaten detainees.", "human rights group",
     "GROUP", "NGO", "SOC"),
    ("ZAGREB, Oct. 22 (AFP) - Balkan Route Monitor, a network of volunteers, said it had collected testimony.",
     "Balkan Route Monitor", "ORG", "NGO", "SOC"),
    ("LIMA, May 14 (Reuters) - The National Human Rights Coordinator said police had beaten detainees.",
     "The National Human Rights Coordinator", "ORG", "PER", None),
    ("Beijing warned Manila over the shoal.", "Beijing", "COUNTRY", "CHN", None),
    ("Hong Kong police arrested the activists.", "Hong Kong", "COUNTRY", "HKG", None),
    ("Palestine joined the court in 2015.", "Palestine", "COUNTRY", "PSE", None),
    ("Puerto Rico asked for federal aid.", "Puerto Rico", "COUNTRY", "USA", None),
    # places: a capital after a locative preposition is a place, with coordinates
    ("The talks were held in Moscow on Tuesday.", "Moscow", "LOCATION", "RUS", None),
    ("Ukraine launched an incursion into Russia's Kursk region.", "Kursk region", "LOCATION", "RUS", None),
    ("Troops remained on alert in the West Bank.", "West Bank", "LOCATION", "PSE", None),
    ("Militias clashed in Tripoli, Lebanon, on Sunday.", "Tripoli", "LOCATION", "LBN", None),
    ("Fighting continued in Darfur.", "Darfur", "LOCATION", "SDN", None),
    # international organisations with PLOVER codes
    ("The United Nations demanded a ceasefire.", "United Nations", "ORG", "UNO", "GOV"),
    ("The UN Security Council met on Friday.", "UN Security Council", "ORG", "UNO", "GOV"),
    ("The European Union imposed sanctions.", "European Union", "ORG", "EUR", "GOV"),
    ("NATO moved jets to Poland.", "NATO", "ORG", "IGO", "MIL"),
    ("The IAEA sent inspectors to Iran.", "IAEA", "ORG", "UNO", None),
    ("The African Union suspended Niger.", "African Union", "ORG", "IGO", None),
    ("Amnesty International accused the army of torture.", "Amnesty International", "ORG", "NGO", None),
    ("The Red Cross delivered medicine.", "Red Cross", "ORG", "NGO", None),
    ("The Arab League met in Cairo.", "Arab League", "ORG", "IGO", None),
    # national bodies and armed groups
    ("The Kremlin said talks would resume.", "Kremlin", "ORG", "RUS", "GOV"),
    ("The Pentagon ordered troops to Poland.", "Pentagon", "ORG", "USA", "MIL"),
    ("Hamas fired rockets at Israel.", "Hamas", "ORG", "PSE", "REB"),
    ("Hezbollah guerrillas killed two soldiers.", "Hezbollah", "ORG", "LBN", "REB"),
    ("The Taliban refused to attend.", "Taliban", "ORG", "AFG", "GOV"),
    # people by title and apposition
    ("Russian Defense Minister Andrey Belousov held talks in Pyongyang.", "Andrey Belousov", "PERSON", "RUS",
     "MIL"),
    ("South Korean Defense Minister Kim Yong-hyun visited the border.", "Kim Yong-hyun", "PERSON", "KOR", "MIL"),
    ("General Valery Gerasimov inspected the troops.", "Valery Gerasimov", "PERSON", "RUS", "MIL"),
    ("Kyrgyz Prime Minister Nikolai Tanaev received the observers.", "Nikolai Tanaev", "PERSON", "KGZ", "GOV"),
    ("Jack Straw, the British foreign secretary, said on Friday the talks had failed.", "Jack Straw", "PERSON",
     "GBR", "GOV"),
    ("King Hassan of Morocco said he would host the meeting.", "Hassan", "PERSON", "MAR", "GOV"),
    ("A member of the Syrian parliament, Mohammed Mamoun, started a hunger strike.", "Mohammed Mamoun", "PERSON",
     "SYR", None),
    ("Police Commissioner Stephen Lo said the protest had turned into a riot.", "Stephen Lo", "PERSON", None,
     "COP"),
    # people the lexicon knows
    ("Putin said the West had provoked the war.", "Putin", "PERSON", "RUS", "GOV"),
    ("Zelensky asked for more air defence.", "Zelensky", "PERSON", "UKR", "GOV"),
    ("Erdogan met Netanyahu in Ankara.", "Netanyahu", "PERSON", "ISR", "GOV"),
    ("Kofi Annan announced the withdrawal of inspectors.", "Kofi Annan", "PERSON", "UNO", "GOV"),
    # groups: role nouns with a national modifier, peoples, and their homes
    ("Russian officials accuse Washington of escalating the conflict.", "Russian officials", "GROUP", "RUS",
     "GOV"),
    ("Israeli soldiers arrested more than 100 Palestinians.", "Israeli soldiers", "GROUP", "ISR", "MIL"),
    ("Police fired tear gas at the crowd.", "Police", "ORG", None, "COP"),
    ("Rebels seized the town of Goma.", "Rebels", "GROUP", None, "REB"),
    ("Protesters blocked the main road.", "Protesters", "GROUP", None, "CVL"),
    ("The opposition boycotted the vote.", "opposition", "GROUP", None, "OPP"),
    ("State media said the leader had visited the factory.", "State media", "GROUP", None, "JRN"),
    ("Israel and the Palestinians reached a consensus on water.", "Palestinians", "GROUP", "PSE", None),
    ("Bosnian Serbs demanded a truce.", "Bosnian Serbs", "GROUP", "BIH", None),
    ("Ethnic Albanians in south Serbia are demanding autonomy.", "Albanians", "GROUP", "SRB", None),
    # a people set apart from its namesake state lives in the state the sentence names
    ("Ethnic Albanians have sworn to fight until they gain control of villages near Macedonia's border.",
     "Albanians", "GROUP", "MKD", None),
    ("Up to 1,000 ethnic Turks began a hunger strike against Sweden's decision to send them back.", "Turks",
     "GROUP", "SWE", None),
    ("Serb forces were engaged in ethnic cleansing in Montenegro against the Albanian population of the "
     "province.", "Albanian population", "GROUP", "MNE", None),
    ("Police clashed with the Russian minority in Estonia on Monday.", "Russian minority", "GROUP", "EST", None),
    # peoples of one state; a first name that is a country's or a people's is no country
    ("Burmese troops have captured part of a Karen guerrilla stronghold.", "Burmese troops", "GROUP", "MMR",
     "MIL"),
    ("Uighur activists protested outside the embassy in Ankara.", "Uighur activists", "GROUP", "CHN", "CVL"),
    ("Georgia Smith said the city would send aid.", "Georgia Smith", "PERSON", None, None),
    ("Karen Bass said the city would send aid.", "Karen Bass", "PERSON", None, None),
    # a body described before or after its name; its first word alone later is the same body
    ("Burkina Faso revoked the permits of its Canadian operator, Norvanta Resources, on Monday.",
     "Norvanta Resources", "ORG", "CAN", "BUS"),
    ("Norvanta Resources, a Canadian miner, said it would appeal.", "Norvanta Resources", "ORG", "CAN", "BUS"),
    ("Burkina Faso revoked the permits of its Canadian operator, Norvanta Resources. Norvanta said it would "
     "appeal.", "Norvanta", "ORG", "CAN", "BUS"),
    # a name after a person's title is a person, even one the NER took for a body; the surname
    # alone later is the same person
    ("Four managers, including the Canadian general manager, Paul Desrochers, were detained.", "Paul Desrochers",
     "PERSON", "CAN", "BUS"),
    ("Four managers, including the Canadian general manager, Paul Desrochers, were detained. Desrochers was "
     "freed two days later.", "Desrochers", "PERSON", "CAN", "BUS"),
    # a place-like name ending in a word bodies are named with is a body; regional bodies are known
    ("The violence was condemned by the Sarel Valley Basin Commission.", "Sarel Valley Basin Commission", "ORG", None,
     None),
    ("The violence was condemned by the Lake Chad Basin Commission.", "Lake Chad Basin Commission", "ORG", "IGO",
     "GOV"),
    # a multinational is PLOVER's MNC; a clause about a body says nothing of its country; a
    # federation's state is a place
    ("PORT HARCOURT, Nigeria, March 14, 2025 (Reuters) - Nigeria fined Calder Petroleum over a leak. Calder, a "
     "multinational that has pumped crude in the Niger Delta since the 1960s, blamed thieves.", "Calder Petroleum",
     "ORG", "MNC", "BUS"),
    ("PORT HARCOURT, Nigeria, March 14, 2025 (Reuters) - Nigeria fined Calder Petroleum over a leak in Bayelsa "
     "State.", "Bayelsa State", "LOCATION", "NGA", None),
    # a description that names a people gives the body their country
    ("MAROUA, February 10, 2025 (Reuters) - A Chadian herders' association, the Logone Pastoralists' Union, said "
     "soldiers shot five herders.", "Logone Pastoralists' Union", "ORG", "TCD", None),
    # a body named with its state's name after it is a public body of that state
    ("OTTAWA, June 19, 2025 (Reuters) - A spokesperson for Global Affairs Canada said the detentions were "
     "unacceptable.", "Global Affairs Canada", "ORG", "CAN", "GOV"),
    # an official first named speaking in a capital speaks for its government
    ("FUNAFUTI, June 12, 2025 (AFP) - Foreign Minister Lin Chia-hao told reporters in Taipei that the switch was "
     "bought.", "Lin Chia-hao", "PERSON", "TWN", "GOV"),
    ("Opposition groups in Zimbabwe are demanding reforms.", "Opposition groups", "GROUP", "ZWE", "OPP"),
    ("Thousands of Iraqi Kurds demonstrated in Kirkuk.", "Iraqi Kurds", "GROUP", "IRQ", "CVL"),
    ("U.N. helicopters evacuated the wounded.", "helicopters", "GROUP", "UNO", "MIL"),
    ("Israeli tanks fired on the camp.", "Israeli tanks", "GROUP", "ISR", "MIL"),
    ("EU foreign ministers agreed new measures.", "foreign ministers", "GROUP", "EUR", "GOV"),
    # an article about one country: its officials without a nationality
    ("President Omar El Bashir lifted the curfew in Sudan.", "Omar El Bashir", "PERSON", "SDN", "GOV"),
    # listed as one of a group: the group's country, not a country named in a clause nearby
    ("Obama signed an order freezing any U.S. assets of seven Russian officials, among them Deputy Prime "
     "Minister Dmitry Rogozin and Valentina Matviyenko.", "Valentina Matviyenko", "PERSON", "RUS", None),
    ("Obama signed an order freezing any U.S. assets of seven Russian officials, among them Deputy Prime "
     "Minister Dmitry Rogozin and Valentina Matviyenko.", "Dmitry Rogozin", "PERSON", "RUS", "GOV"),
    # groups of states have no home country; an all-capitals dateline place is resolved
    ("VIENNA, July 14, 2015 (AP) - Iran and six world powers reached an agreement.", "world powers", "GROUP",
     None, "GOV"),
    ("VIENNA, July 14, 2015 (AP) - Iran and six world powers reached an agreement.", "VIENNA", "LOCATION",
     "AUT", None),
    # organisations the NER takes for people
    ("Israel's public broadcaster Kan reported that the spy agency was behind the blackout.", "Kan", "ORG",
     "ISR", "JRN"),
    ("John Force said he would run for the Senate.", "John Force", "PERSON", None, None),
    # a dateline place the NER takes for a person; a bracketed acronym
    ("JUBA, June 20, 2025 (Reuters) - Gunmen ambushed a convoy on Thursday.", "JUBA", "LOCATION", "SSD", None),
    ("The minister blamed the Upper Nile Liberation Movement (UNLM) for the ambush. A UNLM spokesman denied it.",
     "Upper Nile Liberation Movement", "ORG", None, None),
    # a generic body takes the dateline's country; a spokesman the sector of the body
    ("BERLIN, Nov. 19, 2024 (Reuters) - The Foreign Office said it had summoned Iran's ambassador.",
     "Foreign Office", "ORG", "DEU", "GOV"),
    ("Iran's Foreign Ministry spokesman Hossein Karimi rejected the verdict.", "Hossein Karimi", "PERSON", "IRN",
     "GOV"),
    # a mediator's nationality; a dateline does not make the parties' possessions its own
    ("Qatari mediator Khalid al-Marri said the two sides had until Oct. 15 to sign.", "Khalid al-Marri", "PERSON",
     "QAT", None),
    ("DOHA, Sept. 24, 2024 (AFP) - The Chadian army said its aircraft bombed a rebel column.", "aircraft", "GROUP",
     None, "MIL"),
    ("DOHA, Sept. 24, 2024 (AFP) - Qatar said the two sides had until Oct. 15 to sign.", "sides", "GROUP", None,
     None),
    # public bodies are organisations, their members groups
    ("Georgian riot police fired tear gas at the crowd.", "Georgian riot police", "ORG", "GEO", "COP"),
    ("The Interior Ministry said 38 people were detained.", "Interior Ministry", "ORG", None, "GOV"),
    ("Georgian officials said 38 people were detained.", "Georgian officials", "GROUP", "GEO", "GOV"),
    # misspelt country names
    ("Afganistan rejected the offer.", "Afganistan", "COUNTRY", "AFG", None),
    ("The Phillippines military said it had repelled the attack.", "Phillippines", "COUNTRY", "PHL", None),
    # a person the NER took for a place, with the body named in apposition
    ("Kenzo Oshima, the United Nations relief coordinator, arrived in Baghdad.", "Kenzo Oshima", "PERSON", "UNO",
     "GOV"),
    # a body's possessor; the short name of a body named before; a title phrase naming that body
    ("BRUSSELS, Oct 3, 2025 (Reuters) - China's Commerce Ministry denied the report.", "Commerce Ministry", "ORG",
     "CHN", "GOV"),
    ("The European Commission opened an inquiry on Friday. The Commission said it would take four months.",
     "Commission", "ORG", "EUR", "GOV"),
    ("The European Commission opened an inquiry. Commission trade spokesman Olivier Duchene said talks would "
     "resume.", "Olivier Duchene", "PERSON", "EUR", None),
    # organisations no lexicon knows take a sector from their name, and a home country when domestic
    ("TBILISI, Nov 10 (Reuters) - The Central Election Commission rejected the allegations.",
     "Central Election Commission", "ORG", "GEO", "GOV"),
    ("TBILISI, Nov 10 (Reuters) - The opposition Freedom Platform said the vote was rigged.", "Freedom Platform",
     "ORG", "GEO", "PTY"),
    ("The Ouham Self-Defence Movement (MAO) attacked a village.", "Ouham Self-Defence Movement", "ORG", None, "REB"),
    # people the NER took for organisations, after a title, in apposition, and by surname after
    ("Home Affairs Minister Simba Mutasa said the rally was banned.", "Simba Mutasa", "PERSON", None, "GOV"),
    ("His lawyer, Camila Restrepo, told reporters the case was political.", "Camila Restrepo", "PERSON", None,
     "JUD"),
    # a report filed from the city that hosts talks is about the parties, not the host
    ("LUANDA, May 17 (AFP) - The Central African Republic's government and two armed groups signed a peace "
     "agreement in the Angolan capital on Saturday. The rebels said they would disarm.", "rebels", "GROUP", "CAF",
     "REB"),
    ("MANILA, Aug. 21 (AP) - Chinese coast guard ships fired water cannon at a Philippine patrol vessel. The "
     "navy said two sailors were hurt.", "navy", "ORG", "PHL", "MIL"),
    ("KFOR, the NATO-led peacekeeping force, stepped up patrols.", "KFOR", "ORG", "IGO", "MIL"),
    # a capital as the first word of a company's name ("Seoul Metro"), not a place of the same name
    ("SEOUL, July 11 (Yonhap) - Seoul Metro agreed to hire 650 additional workers.", "Seoul Metro", "ORG", "KOR",
     None),
    # an unnamed official of a named place is an entity of his own, of that place's country
    ("CONAKRY, Oct 15, 2025 (Reuters) - Boké's public prosecutor opened an investigation.", "public prosecutor",
     "PERSON", "GIN", "JUD"),
    # the officer of a body a pronoun stands for is of that body
    ("OUAGADOUGOU, Oct. 19, 2023 (Reuters) - The U.N. human rights office said it was alarmed. Its spokesperson, "
     "Laila Haddad, said the office stood ready to send a team.", "Laila Haddad", "PERSON", "UNO", None),
    # names the NER took for places or people, or missed: named by what they are ("gang",
    # "forum", "mission", "headquarters"), a gang of the place it operates in
    ("PORT-AU-PRINCE, July 28, 2025 (AP) - Police retook a district that the Twa Zetwal gang had held for "
     "16 months.", "Twa Zetwal gang", "ORG", "HTI", "CRM"),
    ("Rights group Shimana Adhikar Forum demanded an independent inquiry.", "Shimana Adhikar Forum", "ORG", "NGO",
     "SOC"),
    ("Haitian police and the Kenyan-led Multinational Security Support mission said they had regained control.",
     "Multinational Security Support mission", "ORG", "IGO", "COP"),
    ("Haitian police and the Kenyan-led Multinational Security Support mission said they had regained control. "
     "The gang said it had killed four officers, which the mission denied.", "the mission", "ORG", "IGO", "COP"),
    ("The bodies were handed over, Ukraine's Coordination Headquarters for the Treatment of Prisoners of War "
     "said.", "Coordination Headquarters for the Treatment of Prisoners of War", "ORG", "UKR", None),
    ("BUNIA, Congo, May 28 (Reuters) - Fighters from the Ituri Self-Defence Front attacked a camp near Fataki.",
     "Ituri Self-Defence Front", "ORG", "COD", "REB"),
    # a name spelt out before its bracketed acronym, even one made of title words or ending in a
    # country's name; the acronym alone later is the same body
    ("The men were killed, according to Border Guard Bangladesh (BGB). BGB commanders met on Tuesday.", "BGB",
     "ORG", "BGD", "COP"),
    ("India's Border Security Force (BSF) said its patrol opened fire. BSF officers met on Tuesday.", "BSF", "ORG",
     "IND", "MIL"),
]


@pytest.fixture(scope="module")
def docs(nlp):
    return list(nlp.pipe(c[0] for c in CASES))


def _entity_for(doc, text):
    for e in doc._.entities:
        if any(m.text == text for m in e.mentions):
            return e
    return None


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[1] for c in CASES])
def test_actor_table(docs, i):
    text, mention, kind, country, sector = CASES[i]
    doc = docs[i]
    e = _entity_for(doc, mention)
    got = [(x.name, x.kind, x.country, x.sectors, [m.text for m in x.mentions]) for x in doc._.entities]
    assert e is not None, f"{text}: no entity with mention {mention!r}; got {got}"
    assert e.kind == kind, f"{text}: {e}"
    assert e.country == country, f"{text}: {e}"
    if sector is not None:
        assert sector in e.sectors, f"{text}: {e}"


def test_table_size():
    assert len(CASES) >= 50


def test_in_article_coreference(nlp):
    doc = nlp("Russian Defense Minister Andrey Belousov arrived in Pyongyang. Mr. Belousov met Kim Jong-un. "
              "The Russian Defense Minister said the talks went well. He praised the hosts.")
    bel = [e for e in doc._.entities if e.name == "Andrey Belousov"]
    assert len(bel) == 1
    texts = {m.text for m in bel[0].mentions}
    assert "Andrey Belousov" in texts and any(t.endswith("Belousov") and t != "Andrey Belousov" for t in texts)
    assert any("Defense Minister" in t for t in texts)
    he = next(t for t in doc if t.lower_ == "he")
    assert actors.resolve(doc, he) == bel[0].id


# (text, the word that refers back (its last occurrence), the name or country of the entity it
# stands for, or both)
REFERENCES = [
    # "the company" is the company named before
    ("OUAGADOUGOU, June 19, 2025 (Reuters) - Burkina Faso revoked the permits of its Canadian operator, "
     "Norvanta Resources. The minister attacked the company in a televised address.", "company",
     "Norvanta Resources"),
    # an object pronoun is not the subject of its own verb
    ("Nigeria fined the oil company Calder Petroleum and sued it for damages.", "it", "Calder Petroleum"),
    # a trailing "he said" is the one who has been speaking, not a person his words are about
    ("Norvanta's chief executive, Martin Halvorsen, said the company had no choice. Four managers, including the "
     "Canadian general manager, Paul Desrochers, were detained. Desrochers was freed two days later, but his "
     "colleagues remain in custody, he said.", "he", "Martin Halvorsen"),
    # the noun a body was described by stands for it
    ("The Sahel Civilian Monitor, a group that documents abuses in the region, published a report. The group "
     "branded the attack a war crime.", "group", ("Sahel Civilian Monitor", "NGO")),
    # a sentence-initial "he" is the named speaker before, not a name in his subordinate clause
    ('"Killing unarmed civilians can never be justified," foreign ministry spokesman Tanvir Siddique told '
     'reporters after the envoy, Pranav Mehra, left the ministry. He said Dhaka had sent a protest note.', "He",
     "Tanvir Siddique"),
    # "they said" is the source named just before
    ("The former minister was dragged from the building by masked police officers, according to embassy staff. "
     "The envoy was pushed to the ground when he tried to block the officers, they said.", "they",
     "embassy staff"),
    # pronouns agree in number: "it" is not "human rights groups"; "six of them" are part of a
    # counted group, not the police
    ("Human rights groups have questioned the Kenyan government since it deployed officers in 2024.", "it", "KEN"),
    ("Police rounded up eight people on Wednesday. Six of them were freed the following day.", "them", "people"),
    # a definite noun is the body whose name ends in it, before any international body of that kind
    ("The WHO sent a team. Police detained Ruth Banda, general secretary of the Nurses and Midwives Union, at a "
     "rally. The union said the strike would spread.", "union", "Nurses and Midwives Union"),
    ("The International Criminal Court issued a warrant. Ndayishimiye, whom the court charged in 2024, held talks.",
     "court", "International Criminal Court"),
    ("Subsidies were cut under a loan from the International Monetary Fund. The fund disbursed $76 million.",
     "fund", "International Monetary Fund"),
    # a definite body named again by the same words is the one named with its country
    ("LJUBLJANA, June 18, 2025 (AP) - Slovenia's foreign ministry denied the allegation. Serbian media reported "
     "that Ljubljana was weighing an expulsion. The foreign ministry neither confirmed nor denied the reports.",
     "ministry", "SVN"),
    # a definite noun of a trade is the outlet or company of that trade named before
    ("Speaking to the private broadcaster Radio Umwizero, he warned of more unrest. The station also reported "
     "that one soldier was killed.", "station", "Radio Umwizero"),
]


@pytest.mark.parametrize("text, word, want", REFERENCES)
def test_what_a_word_refers_back_to(nlp, text, word, want):
    doc = nlp(text)
    tok = [t for t in doc if t.text == word][-1]
    ent = actors.entity_by_id(doc)[actors.resolve(doc, tok)]
    if isinstance(want, tuple):
        assert (ent.name, ent.country) == want
    else:
        assert want in (ent.name, ent.country), (ent.name, ent.country)


def test_pronoun_it_is_the_speaker_of_its_clause(nlp):
    doc = nlp("Syria says it is willing to withdraw its troops from Lebanon.")
    it = next(t for t in doc if t.lower_ == "it")
    ent = actors.entity_by_id(doc)[actors.resolve(doc, it)]
    assert ent.country == "SYR"


def test_definite_group_joins_its_antecedent(nlp):
    doc = nlp("European Union foreign ministers met in Brussels. The ministers warned Russia.")
    groups = [e for e in doc._.entities if e.kind == "GROUP"]
    assert len(groups) == 1 and groups[0].country == "EUR"
    assert len(groups[0].mentions) == 2


def test_lookups_for_later_stages(nlp):
    doc = nlp("North Korean Defense Minister No Kwang-chol met Russian officials.")
    tokmap = actors.token_entities(doc)
    name = next(t for t in doc if t.text == "No")
    phrase = actors.phrase_of(doc, name)
    assert phrase.text == "North Korean Defense Minister No Kwang-chol"
    eid = tokmap[name.i]
    ent = actors.entity_by_id(doc)[eid]
    assert (ent.kind, ent.country) == ("PERSON", "PRK")
    assert set(ent.sectors) >= {"MIL", "GOV"}
    assert "tidings_mentions" in doc.spans and len(doc.spans["tidings_mentions"]) >= 2


def test_us_states_are_places_in_the_united_states():
    from tidings import gazetteer
    assert gazetteer.place("Florida")["country_code"] == "USA"
    assert gazetteer.place("Texas")["feature_code"] == "ADM1"
    assert gazetteer.place("Georgia")["country_code"] == "GEO"  # the country's name wins


def test_gazetteer_resolves_places_preferring_hinted_countries():
    assert gazetteer.place("Tripoli", {"LBN"})["country_code"] == "LBN"
    assert gazetteer.place("Tripoli")["country_code"] == "LBY"
    assert gazetteer.place("Gaza Strip")["country_code"] == "PSE"
    assert gazetteer.place("Russia")["country_code"] == "RUS"
    assert gazetteer.place("Nowhere-on-Earth") is None


def test_lexicons_have_no_duplicate_people():
    names = gazetteer.names()
    assert names["Putin"].code == "RUS" and names["Putin"].kind == "PERSON"
    assert names["Russia"].kind == "COUNTRY"
    assert names["Hamas"].code == "PSE"


def test_a_group_qualified_by_another_country_is_not_the_one_named_before(nlp):
    doc = nlp("ZAGREB, Oct. 22 (AFP) - Croatia deported 63 migrants, the interior ministry said. The ministry "
              "said they were handed to Bosnian border police. Bosnia's security ministry said it would "
              "complain. The Chinese embassy protested. The embassy said it was concerned.")
    interior = next(e for e in doc._.entities if any(m.text == "interior ministry" for m in e.mentions))
    assert interior.country == "HRV" and len(interior.mentions) == 2  # "The ministry" joins it
    bosnian = {e.sector for e in doc._.entities if e.country == "BIH" and e.kind in ("ORG", "GROUP")}
    assert bosnian == {"GOV", "COP"}  # the security ministry and the border police, each its own
    embassies = [e for e in doc._.entities if any(m.text == "embassy" for m in e.mentions)]
    assert len(embassies) == 1 and embassies[0].country == "CHN"


def test_an_official_is_not_of_a_country_named_in_a_quotation_or_a_subordinate_clause(nlp):
    doc = nlp('VIENNA, June 13 (AFP) - Britain warned that it would push for new sanctions if Syria did not open '
              'the sites. "If Damascus keeps the door closed, we will impose costs," Foreign Office minister '
              'Helen Marsh told parliament on Wednesday.')
    marsh = next(e for e in doc._.entities if e.name == "Helen Marsh")
    assert marsh.country == "GBR"


def test_a_country_named_only_by_its_adjective_on_an_event_is_an_entity(nlp):
    doc = nlp("A building was destroyed in an Israeli air strike in 2007.")
    israel = [e for e in doc._.entities if e.country == "ISR"]
    assert israel and israel[0].kind == "COUNTRY"
    strike = next(v for v in doc._.events if v.event == "ASSAULT" and v.actor)
    assert strike.actor[0].entity == israel[0].id


def test_a_person_the_ner_took_for_an_organisation_after_a_title_and_by_first_name(nlp):
    doc = nlp("BANGKOK, Nov. 27 (AP) - Government spokeswoman Pimchanok Srisuk said hackers had struck. Asked about "
              "expulsions, Pimchanok said no decision had been taken.")
    people = [e for e in doc._.entities if e.kind == "PERSON"]
    assert len(people) == 1 and people[0].country == "THA" and len(people[0].mentions) == 2


def test_a_body_a_country_possesses_is_named_with_it(nlp):
    doc = nlp("BUENOS AIRES (AFP) - Argentina's coast guard seized a trawler. China's embassy in Buenos Aires "
              "protested, and the embassy demanded its release. Congo's government said nothing.")
    by_name = {e.name: e for e in doc._.entities}
    guard = by_name["Argentina's coast guard"]
    assert guard.country == "ARG" and [m.text for m in guard.mentions] == ["coast guard"]
    embassy = by_name["China's embassy"]
    assert embassy.country == "CHN" and [m.text for m in embassy.mentions] == ["embassy", "embassy"]
    assert "government" in by_name  # the state itself keeps the plain name


def test_a_named_body_takes_sector_and_country_from_its_description(nlp):
    doc = nlp("KADUNA, Nigeria (Reuters) - The Daily Sentinel, a Lagos newspaper, reported on Tuesday that the "
              "firm had paid gangs. The Attorney General's Office said it was investigating.")
    by_name = {e.name: e for e in doc._.entities}
    assert (by_name["Daily Sentinel"].country, by_name["Daily Sentinel"].sector) == ("NGA", "JRN")
    assert "newspaper" not in by_name  # the description is not a body of its own
    assert "Attorney General's Office" in by_name
    report = next(s for s in doc._.statements if "gangs" in s.content.text)
    assert report.speaker == by_name["Daily Sentinel"].id


@pytest.mark.parametrize("text,name,country", [
    ("SUVA, April 17, 2026 (Reuters) - Pacific Tide, a Suva-based news website, reported on Wednesday that "
     "an aircraft had spotted the boat.", "Pacific Tide", "FJI"),
    ("SAN JOSE, Costa Rica, June 11, 2025 (Reuters) - Semanario Frontera, a Costa Rican weekly, reported on "
     "Monday that Nicaragua had asked Honduras to arrest two activists.", "Semanario Frontera", "CRI"),
    ("MAPUTO, Oct. 14, 2025 (AP) - Zambeze, a weekly newspaper in Pemba, reported that a gunship had fired "
     "on insurgent positions.", "Zambeze", "MOZ"),
    ("CONAKRY, Oct. 15, 2025 (Reuters) - Radio Rio Nunez, a community station, reported that the firm had "
     "lent trucks to the gendarmes.", "Radio Rio Nunez", "GIN"),
    ("COLOMBO, April 22, 2026 (AP) - The news site Colombo Ledger reported that the regulator had been told "
     "to block the pages.", "Colombo Ledger", "LKA"),
    ("BUCHAREST, Oct. 8, 2025 (Reuters) - The newspaper Adevarul, citing two security officials, reported that "
     "the agency had helped.", "Adevarul", "ROU"),  # (no place in the description: the dateline's)
])
def test_a_news_outlet_is_a_body_of_journalists(nlp, text, name, country):
    """A name set beside an outlet's description is an organisation (the NER often takes it for a
    person or a place) of the journalists' sector, of the place the description names."""
    by_name = {e.name: e for e in nlp(text)._.entities}
    outlet = by_name[name]
    assert (outlet.kind, outlet.sector, outlet.country) == ("ORG", "JRN", country)
    assert not any(n.endswith(("website", "weekly", "newspaper", "station", "news site")) for n in by_name)


def test_a_person_first_named_in_a_sentence_set_in_a_place_is_of_its_country(nlp):
    doc = nlp("RIYADH, Dec. 5, 2025 (Reuters) - Saudi Arabia pledged $6 billion. In New Delhi, foreign ministry "
              "spokesman Arvind Menon on Friday rejected that passage.")
    by_name = {e.name: e for e in doc._.entities}
    assert by_name["Arvind Menon"].country == "IND"



def test_a_hyphenated_dateline_is_one_place(nlp):
    """"PORT-AU-PRINCE, July 28 (Reuters) -": neither a dash after "PORT" nor the African Union."""
    doc = nlp("PORT-AU-PRINCE, July 28, 2025 (Reuters) - Two police officers were wounded by gang snipers.")
    by_name = {e.name: e for e in doc._.entities}
    assert "African Union" not in by_name
    assert by_name["PORT-AU-PRINCE"].country == "HTI" and by_name["police officers"].country == "HTI"


def test_cities_of_dependencies_are_in_their_controlling_state():
    from tidings import gazetteer
    assert gazetteer.place("Saint-Denis", {"FRA"})["country_code"] == "FRA"  # Réunion (RE): France
    assert all(len(code) == 3 for code in gazetteer.alpha2_to_alpha3().values())


@pytest.mark.parametrize("name,sector", [
    ("Swedish Prosecution Authority", "JUD"),
    ("National Students Action Front", "EDU"),
    ("Inter-American Commission on Human Rights", "GOV"),  # the head before the preposition
    ("Patriotic Front for Renewal", "PTY"),
])
def test_an_organisation_s_name_gives_its_sector(name, sector):
    from tidings import gazetteer
    assert gazetteer.org_sector(name.split()) == sector


def test_a_state_broadcaster_is_an_organisation(nlp):
    doc = nlp("TASHKENT, Feb. 5, 2026 (Reuters) - Turkmen state television said on Tuesday that Uzbek farmers had "
              "been diverting water.")
    tv = next(e for e in doc._.entities if e.name == "Turkmen state television")
    assert (tv.kind, tv.country, tv.sector) == ("ORG", "TKM", "JRN")


def test_a_vessel_s_name_is_no_person(nlp):
    doc = nlp("SUVA, April 17, 2026 (Reuters) - Their boat, the longliner Tui Lau, remains impounded, Fijian Foreign "
              "Minister Josefa Ravuvu said. The Tui Lau was caught inside Tongan waters. Fiji has not recalled its "
              "high commissioner, he said.")
    ents = {e.id: e for e in doc._.entities}
    assert [e.kind for e in ents.values() if e.name == "Tui Lau"] == ["OTHER"]
    st = next(s for s in doc._.statements if "recalled" in s.content.text)
    assert ents[st.speaker].name == "Josefa Ravuvu"
    doc = nlp("LAGOS, May 8, 2025 (Reuters) - The Liberia-flagged Maren Star was boarded on Saturday by gunmen.")
    assert [e.kind for e in doc._.entities if e.name == "Maren Star"] == ["OTHER"]  # a flag makes a ship


def test_a_visitor_is_not_of_the_country_he_visits(nlp):
    doc = nlp("RIYADH, Dec. 5, 2025 (Reuters) - Saudi Arabia pledged $6 billion of investment in Pakistan's mining "
              "sector during a visit by Prime Minister Tariq Mahmood. Finance Minister Khalid Al-Faleh said the "
              "deal was final.")
    by_name = {e.name: e for e in doc._.entities}
    assert by_name["Tariq Mahmood"].country == "PAK"
    assert by_name["Khalid Al-Faleh"].country == "SAU"  # a local official stays of the dateline's country


def test_a_person_heading_a_body_named_before_takes_its_sector(nlp):
    doc = nlp("SEOUL, July 11, 2024 (AP) - The Seoul Metro Workers' Union called off the strike. \"We won,\" said "
              "Lee Min-ho, the union's director.")
    lee = next(e for e in doc._.entities if e.name == "Lee Min-ho")
    assert lee.sector == "LAB" and lee.country == "KOR"


def test_a_body_noun_before_a_title_gives_the_sector(nlp):
    doc = nlp("LOME, Oct. 16, 2024 (Reuters) - \"We will not lend our names to this vote,\" coalition leader Komi "
              "Adjovi told a news conference.")
    adjovi = next(e for e in doc._.entities if e.name == "Komi Adjovi")
    assert adjovi.sector == "PTY"


def test_the_junta_is_the_rulers_named_before_with_their_country(nlp):
    doc = nlp("ABUJA, Oct. 16, 2025 (AFP) - Niger's military rulers signed a defence pact with the juntas governing "
              "Mali and Burkina Faso on Wednesday. The junta expelled the bloc's envoy on Monday. Junta spokesman "
              "Colonel Abdou Garba said the envoy had met opposition leaders.")
    ents = {e.name: e for e in doc._.entities}
    assert ents["junta"].country == "NER"  # not the dateline's Nigeria, nor the juntas of Mali
    assert ents["Abdou Garba"].country == "NER"


@pytest.mark.parametrize("text,name,sector", [
    # an officer of a body the text names serves that body's sector, not the bare title's
    ("MAPUTO, March 13, 2025 (Reuters) - The opposition Movement for Social Renewal (MRS) said nine people had been "
     "killed. MRS leader Castigo Mucavele blamed the IMF.", "Castigo Mucavele", "OPP"),
    ("MAPUTO, March 13, 2025 (Reuters) - The National Federation of Labour Unions (FENASIL) called off the strike. "
     "FENASIL's secretary-general, Rosalina Tembe, said workers would walk out again.", "Rosalina Tembe", "LAB"),
    ("LILONGWE, Feb. 17, 2025 (AP) - Police detained Chikondi Banda, general secretary of the Community Health "
     "Workers Union, at a rally.", "Chikondi Banda", "LAB"),
    # a rank in a name the NER took for a body is a title
    ("BUJUMBURA, Jan. 29, 2025 (Reuters) - A mutineers' spokesman, Sergeant Jean-Marie Ciza, called the detentions "
     "a betrayal.", "Jean-Marie Ciza", "MIL"),
    # a spokeswoman named after her title takes the body's sector; naval ranks; a party's leader
    ("BUJUMBURA, Jan. 29, 2025 (Reuters) - Rwanda's government spokeswoman, Claudine Uwase, dismissed the "
     "allegation.", "Claudine Uwase", "GOV"),
    ("LAGOS, May 8, 2025 (Reuters) - The navy sent two gunboats, navy spokesman Commodore Ifeanyi Okorafor told "
     "reporters.", "Ifeanyi Okorafor", "MIL"),
    ("KAMPALA, July 8, 2025 (Reuters) - Party leader Moses Kiggundu called the visit a disgrace.", "Moses Kiggundu",
     "PTY"),
])
def test_an_officer_serves_the_sector_of_the_body_named(nlp, text, name, sector):
    doc = nlp(text)
    person = next(e for e in doc._.entities if e.name == name)
    assert person.sector == sector, (person.sector, person.sectors)


@pytest.mark.parametrize("text,name,kind,country,sector", [
    # a name in apposition ending in a word firms are named with is a firm
    ("PIRAEUS, May 8, 2025 (Reuters) - The Harbour Post reported that the tanker's owner, Sarkis Maritime, had paid "
     "a ransom.", "Sarkis Maritime", "ORG", None, "BUS"),
    # an outlet named by its last word
    ("BLANTYRE, Feb. 17, 2025 (AP) - Chimwemwe Radio, a private station in Blantyre, reported that soldiers had "
     "turned back traders.", "Chimwemwe Radio", "ORG", "MWI", "JRN"),
    # a name the NER took for a place, after the word for an outlet
    ("BAMAKO, Oct. 16, 2025 (AFP) - The Malian weekly Le Sahel Libre reported that the three governments had "
     "agreed to build a joint force.", "Le Sahel Libre", "ORG", "MLI", "JRN"),
    # an outlet based in a place is of its country, whatever the dateline
    ("BELGRADE, June 18, 2025 (AP) - Serbia suspended the licence of Sarajevo-based Kanal Sedam TV for 90 days.",
     "Kanal Sedam TV", "ORG", "BIH", "JRN"),
    # "The charity, X" is the charity described before; a medical charity tied to no country is an NGO
    ("BLANTYRE, Feb. 17, 2025 (AP) - An international medical charity said on Monday the government was hiding "
     "deaths.\n\nThe charity, Lakeside Health Alliance, which runs clinics in Mangochi, said 90 deaths had been "
     "left out.", "Lakeside Health Alliance", "ORG", "NGO", "MED"),
    # a title's words are not the name of a body named later ("Maritime Affairs Minister", "Sarkis Maritime")
    ("LAGOS, May 8, 2025 (Reuters) - Maritime Affairs Minister Halima Okoro blamed the gangs. The Greek owner, "
     "Sarkis Maritime, declined to comment.", "Halima Okoro", "PERSON", "NGA", "GOV"),
    # what the text calls a body just before its name says what it is, and a country's possessive
    # before that title is its country
    ("KAMPALA, July 8, 2025 (Reuters) - Police fired tear gas as hundreds of supporters of the opposition Forum "
     "for Democratic Renewal tried to march on parliament.", "Forum for Democratic Renewal", "ORG", "UGA", "OPP"),
    ("ABUJA, Oct. 16, 2025 (AFP) - The suspension was welcomed by Niger's opposition Alliance for Civic Renewal.",
     "Alliance for Civic Renewal", "ORG", "NER", "OPP"),
])
def test_bodies_named_by_what_they_are(nlp, text, name, kind, country, sector):
    doc = nlp(text)
    e = next(e for e in doc._.entities if e.name == name)
    assert (e.kind, e.country, e.sector) == (kind, country or e.country, sector), (e.kind, e.country, e.sectors)
    if name == "Lakeside Health Alliance":
        assert any("international medical charity" in s.text for s in e.mentions)


def test_a_spokesperson_of_no_body_speaks_for_the_body_her_words_open_with(nlp):
    doc = nlp("NAIROBI, July 8, 2025 (Reuters) - The International Criminal Court said Kenya had failed in its "
              "obligations. The court will refer the matter to the Assembly, spokesperson Ines Halvorsen said.")
    person = next(e for e in doc._.entities if e.name == "Ines Halvorsen")
    assert person.country == "IGO"  # not the dateline's Kenya
