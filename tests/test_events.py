"""Event coding: a table of news sentences with the PLOVER type, actor and recipient codes an
event must have, and sentences that must not yield a given type (metaphors, denials,
meetings without participants). Every table goes through `nlp.pipe` once."""
from __future__ import annotations

import json

import pytest

from tidings import events
from tests.conftest import shared_path

# (text, event type, actor codes that must all appear, recipient codes that must all appear)
CASES = [
    # ---- AGREE: promises, offers, agreements, future cooperation
    ("Qatar will bring the ministers together next week.", "AGREE", {"QAT"}, set()),
    ("Russia and Ukraine agreed to a prisoner exchange on Friday.", "AGREE", {"RUS", "UKR"}, set()),
    ("Iran agreed to resume talks with the European Union next month.", "AGREE", {"IRN"}, set()),
    # "both sides" with a mediator named as often as one of them: the two of the latest two-sided act
    ("ABU DHABI, Nov 21, 2025 (Reuters) - Russia and Ukraine swapped 84 prisoners each on Wednesday in an exchange "
     "mediated by the United Arab Emirates, the UAE foreign ministry said. The UAE thanked its partners. The UAE "
     "has mediated before. An official said both sides had agreed in principle to a further exchange.", "AGREE",
     {"RUS", "UKR"}, set()),
    ("Japan pledged $500 million in aid to Ukraine.", "AGREE", {"JPN"}, {"UKR"}),
    # a directed act with no recipient named: the other side of a report from one country
    ("KATHMANDU, Jan. 19 (AFP) - China pledged 30 million yuan in emergency aid.", "AGREE", {"CHN"}, {"NPL"}),
    ("Germany promised to deliver more air defence systems to Kyiv.", "AGREE", {"DEU"}, {"UKR"}),
    # ... or, for a state, at the other state of an act further back in the story
    ("DHAKA, Oct 16, 2025 (Reuters) - Indian border guards shot three Bangladeshi villagers on Monday.\n\n"
     "Relatives said the men were unarmed.\n\nThe villagers had crossed to fetch cattle.\n\nFamilies buried the "
     "dead on Tuesday.\n\nDhaka handed over a protest note demanding that those responsible be punished.",
     "REQUEST", {"BGD"}, {"IND"}),
    # ... or at the other state of an act two sentences back, in one-sentence paragraphs
    ("NAIROBI, March 6 (Reuters) - Kenya accused Somalia of harassing its aircrews on Monday.\n\n"
     "The Kenya Civil Aviation Authority ordered the suspension on Tuesday.", "SANCTION", {"KEN"}, {"SOM"}),
    ("France offered to mediate between Israel and Lebanon.", "AGREE", {"FRA"}, set()),
    ("The United States will send additional aid to Haiti, the State Department said.", "AGREE", {"USA"}, {"HTI"}),
    ("Canada will host talks with Mexico next week.", "AGREE", {"CAN"}, set()),
    ("China said it is ready to support Pakistan in its talks with the IMF.", "AGREE", {"CHN"}, {"PAK"}),
    ("Turkey vowed to help Syria rebuild after the earthquake.", "AGREE", {"TUR"}, {"SYR"}),
    ("Egypt and Qatar reached an agreement on a truce.", "AGREE", {"EGY", "QAT"}, set()),
    ("Norway is willing to send material to help defend Saudi Arabia.", "AGREE", {"NOR"}, set()),
    ("South Korea and North Korea agreed on Friday to reopen a liaison office.", "AGREE", {"KOR", "PRK"}, set()),
    # ---- CONSULT: meetings, visits (visitor actor, host recipient), talks, calls
    ("Russian Defense Minister Andrey Belousov held talks with North Korean Defense Minister No Kwang-chol.",
     "CONSULT", {"RUS"}, {"PRK"}),
    ("Chinese President Xi Jinping visited Moscow on Monday.", "CONSULT", {"CHN"}, {"RUS"}),
    ("Indian Prime Minister Narendra Modi met French President Emmanuel Macron in Paris.", "CONSULT",
     {"IND"}, {"FRA"}),
    ("The foreign ministers of Egypt and Jordan met in Amman.", "CONSULT", set(), set()),
    ("Blinken telephoned his Turkish counterpart on Tuesday.", "CONSULT", {"USA"}, set()),
    ("Israel and Lebanon renewed negotiations on the border.", "CONSULT", {"ISR", "LBN"}, set()),
    ("The Xi-Putin meeting in Moscow lasted two hours.", "CONSULT", {"CHN", "RUS"}, set()),
    ("Saudi Arabia hosted Iranian Foreign Minister Abbas Araghchi in Riyadh.", "CONSULT", {"IRN"}, {"SAU"}),
    ("Qatar launched a mediation effort between Sudan and Chad.", "CONSULT", {"QAT"}, {"SDN", "TCD"}),
    ("Brazil's president will travel to Beijing next month.", "AGREE", {"BRA"}, set()),
    ("Kenyan officials held a meeting with Somali leaders in Nairobi.", "CONSULT", {"KEN"}, {"SOM"}),
    ("Polish Prime Minister Donald Tusk arrived in Kyiv on an unannounced visit.", "CONSULT", {"POL"}, {"UKR"}),
    # ---- SUPPORT: praise, endorsement, signing, recognition, diplomatic ties, apologies (CAMEO 055)
    ("Argentina apologized to Brazil for the incident.", "SUPPORT", {"ARG"}, {"BRA"}),
    ("Russia and North Korea signed a mutual defence treaty in June.", "SUPPORT", {"RUS", "PRK"}, set()),
    ("The German government welcomed the ceasefire announced by Israel.", "SUPPORT", {"DEU"}, set()),
    ("Pakistan praised China's role in the region.", "SUPPORT", {"PAK"}, {"CHN"}),
    ("Sri Lanka established diplomatic ties with Iran.", "SUPPORT", {"LKA"}, {"IRN"}),
    ("Egypt endorsed the Arab League plan for Gaza.", "SUPPORT", {"EGY"}, set()),
    ("The United States recognized Kosovo as an independent state.", "SUPPORT", {"USA"}, {"KOS"}),
    ("Hungary defended Russia's right to security guarantees.", "SUPPORT", {"HUN"}, {"RUS"}),
    ("Vietnam and Australia upgraded their relations to a strategic partnership.", "SUPPORT",
     {"VNM", "AUS"}, set()),
    ("Serbia's president backed the peace plan proposed by Brazil.", "SUPPORT", {"SRB"}, set()),
    # ---- CONCEDE: apologies, pardons, easing restrictions, calling off
    ("Belarus freed 30 political prisoners on Wednesday.", "RETREAT", {"BLR"}, set()),
    ("Sudan's government lifted the curfew in Khartoum.", "CONCEDE", {"SDN"}, set()),
    ("The teachers' union called off its strike after talks with the Nigerian government.", "CONCEDE",
     set(), set()),
    ("Belarus pardoned 30 political prisoners on Wednesday.", "CONCEDE", {"BLR"}, set()),
    ("Serbia eased emergency measures in the province.", "CONCEDE", {"SRB"}, set()),
    ("Myanmar's junta accepted demands from the rebels for a ceasefire.", "CONCEDE", {"MMR"}, set()),
    ("Israel will withdraw its troops from southern Lebanon, the government announced.", "CONCEDE",
     {"ISR"}, {"LBN"}),
    ("The Ivory Coast's Supreme Court allowed the opposition candidate to run.", "CONCEDE", {"CIV"}, set()),
    # ---- COOPERATE: mutual material cooperation
    ("France and Egypt launched joint naval exercises in the Mediterranean.", "COOPERATE",
     {"FRA", "EGY"}, set()),
    ("Israeli intelligence officials shared evidence with the United States.", "COOPERATE", {"ISR"}, {"USA"}),
    ("Zambia extradited a British suspect to Britain on Sunday.", "COOPERATE", {"ZMB"}, {"GBR"}),
    ("India and Japan agreed to cooperate on semiconductors.", "AGREE", {"IND", "JPN"}, set()),
    ("Russia and Iran cooperate closely with each other on energy.", "COOPERATE", {"RUS", "IRN"}, set()),
    # ---- AID: material aid
    ("The World Food Programme distributed hot meals and drinking water to displaced families in Haiti.", "AID",
     {"UNO"}, set()),
    ("The European Union gave Moldova 50 million euros of aid.", "AID", {"EUR"}, {"MDA"}),
    ("KATHMANDU (AFP) - The European Union released 1.2 million euros for shelter and clean water.", "AID", {"EUR"},
     {"NPL"}),
    ("The United States is providing weapons to Ukraine.", "AID", {"USA"}, {"UKR"}),
    ("Peru granted asylum to five Panamanian army officers.", "AID", {"PER"}, {"PAN"}),
    ("Swiss doctors handed over medicine to the hospital in Bam, Iran.", "AID", {"CHE"}, set()),
    ("Turkey sent rescue teams to Morocco after the earthquake.", "AID", {"TUR"}, {"MAR"}),
    ("A U.N. aid convoy crossed into northwest Syria on Thursday.", "AID", {"UNO"}, {"SYR"}),
    ("Britain donated 10,000 tents to Pakistan.", "AID", {"GBR"}, {"PAK"}),
    ("Germany delivered tanks to Ukraine last month.", "AID", {"DEU"}, {"UKR"}),
    # ---- RETREAT: withdrawal, release, resignation, disarmament
    ("KYIV, Nov 21, 2025 (Reuters) - The previous exchange, in August, returned 146 men to each side.", "RETREAT",
     set(), {"UKR"}),
    # a passive with a patient of its own inherits no doer from the verb it is joined to; the
    # preposition the parser hung on the particle still names the recipient
    ("DHAKA, October 16, 2025 (Reuters) - Indian and Bangladeshi commanders held a meeting on Tuesday, and the "
     "bodies were handed back to Bangladesh the following day.", "RETREAT", set(), {"BGD"}),
    ("GUAYAQUIL, Ecuador, Nov. 14, 2024 (AP) - Police rounded up eight people on Wednesday. Six of them were "
     "freed the following day.", "RETREAT", {"ECU"}, {"ECU"}),
    ("Russia withdrew its troops from the Kherson region.", "RETREAT", {"RUS"}, set()),
    ("Hamas released three Israeli hostages on Saturday.", "RETREAT", {"PSE"}, {"ISR"}),
    ("The Georgian president resigned on Sunday.", "RETREAT", {"GEO"}, set()),
    ("Five hundred Ugandan rebels surrendered last week.", "RETREAT", {"UGA"}, set()),
    ("The United States completed its withdrawal from Afghanistan.", "RETREAT", {"USA"}, {"AFG"}),
    ("Iran freed two French nationals on Monday.", "RETREAT", {"IRN"}, {"FRA"}),
    ("Kyrgyz Prime Minister Nikolai Tanaev received a mission of observers from the OSCE.", "RETREAT",
     {"KGZ"}, {"IGO"}),
    ("Thousands of ethnic Albanian guerrillas have been demobilized in Macedonia.", "RETREAT", {"MKD"}, set()),
    # ---- REQUEST: demands, appeals, calls
    ("China demanded that the United States cancel its arms sales to Taiwan.", "REQUEST", {"CHN"}, {"USA"}),
    ("The United Nations urged Israel to allow aid into Gaza.", "REQUEST", {"UNO"}, {"ISR"}),
    ("Ukraine asked Germany for more air defence.", "REQUEST", {"UKR"}, {"DEU"}),
    ("Syria appealed to the European Union for assistance.", "REQUEST", {"SYR"}, {"EUR"}),
    ("Poland called on NATO to strengthen its eastern flank.", "REQUEST", {"POL"}, {"IGO"}),
    ("Britain said Russia must withdraw its forces from Ukraine.", "REQUEST", {"GBR"}, {"RUS"}),
    ("European Union foreign ministers demanded the withdrawal of Serbian forces from Bosnia.", "REQUEST",
     {"EUR"}, {"SRB"}),
    ("Amnesty International demanded that the Sudanese government end curbs on press freedom.", "REQUEST",
     {"NGO"}, {"SDN"}),
    ("Palestinian officials demanded that the United States recognize a Palestinian state.", "REQUEST",
     {"PSE"}, {"USA"}),
    ("Iranian authorities pressured workers to cancel the strike.", "REQUEST", {"IRN"}, set()),
    ("The International Labour Organization reiterated its demand that Israel ease restrictions.",
     "REQUEST", {"UNO"}, {"ISR"}),
    # ---- ACCUSE: accusations, condemnation, investigation, lawsuits
    ("Russian officials accuse Washington of escalating the conflict.", "ACCUSE", {"RUS"}, {"USA"}),
    ("Israel denounced the Iran nuclear deal as a historic mistake.", "ACCUSE", {"ISR"}, set()),
    ("Iran blamed Israel for the attack on its nuclear site.", "ACCUSE", {"IRN"}, {"ISR"}),
    # a protest a state lodges is disapproval, aimed at the other side of the story
    ("BUENOS AIRES (AFP) - Argentina's coast guard seized a Chinese trawler, drawing a sharp protest from Beijing.",
     "ACCUSE", {"CHN"}, {"ARG"}),
    ("LIMA (Reuters) - Peru detained a Chilean trawler. Chile's embassy lodged a stern protest and demanded the "
     "release of the crew.", "ACCUSE", {"CHL"}, {"PER"}),
    ("Croatia is investigating alleged war crimes by Croatian extremists.", "ACCUSE", {"HRV"}, {"HRV"}),
    ("Serbian military police launched an investigation into crimes committed by Croat forces.", "ACCUSE",
     {"SRB"}, set()),
    ("Albania denounced Serbia's crackdown on ethnic Albanians.", "ACCUSE", {"ALB"}, set()),
    ("A Saudi businessman is suing the United States for damages.", "ACCUSE", {"SAU"}, {"USA"}),
    ("Lebanon complained to the United Nations over two Israeli air raids.", "ACCUSE", {"LBN"}, set()),
    ("The Sudanese government accused Darfur rebels of violating the ceasefire.", "ACCUSE", {"SDN"}, set()),
    ("China criticized Japan's decision to release the water.", "ACCUSE", {"CHN"}, {"JPN"}),
    ("Montenegro's prime minister has been indicted by the U.N. war crimes court.", "ACCUSE",
     {"UNO"}, {"MNE"}),
    ("The Russian embassy called the expulsions unacceptable.", "ACCUSE", {"RUS"}, set()),
    # ---- REJECT: rejections, refusals, vetoes
    ("Bangladesh rejected an Indian proposal for a free trade agreement.", "REJECT", {"BGD"}, {"IND"}),
    ("The United States vetoed a Security Council resolution on Gaza.", "REJECT", {"USA"}, {"UNO"}),
    ("Pakistan refused to deploy peacekeepers in Iraq.", "REJECT", {"PAK"}, set()),
    ("South Korea rejected North Korea's demand to end military drills.", "REJECT", {"KOR"}, {"PRK"}),
    ("Israel is opposed to French mediation in the talks.", "REJECT", {"ISR"}, {"FRA"}),
    ("The Taliban refused to take part in the conference.", "REJECT", {"AFG"}, set()),
    ("Syria says it will not accept any more refugees.", "REJECT", {"SYR"}, set()),
    ("Beirut rejected a United Nations appeal for deploying army troops.", "REJECT", {"LBN"}, {"UNO"}),
    ("The Palestinians and Israelis failed to reach agreement on Jerusalem.", "REJECT", {"PSE", "ISR"}, set()),
    # ---- THREATEN: threats, ultimatums, intended force
    # a source described by an organisation word is a body of the one country named
    ("The fundamentalist Umma (Nation) party has said it will boycott Algeria's first multi-party elections "
     "unless the president agrees to step down.", "THREATEN", {"DZA"}, {"DZA"}),
    ("OUAGADOUGOU, Oct. 19, 2023 (Reuters) - Government spokesman Amadou Sawadogo vowed that the army would keep "
     "hunting terrorists wherever they hide.", "THREATEN", {"BFA"}, set()),
    ("Iran threatened to shell Iraqi towns.", "THREATEN", {"IRN"}, {"IRQ"}),
    ("Russia threatened to cut off gas supplies to Moldova.", "THREATEN", {"RUS"}, {"MDA"}),
    ("Peru issued an ultimatum to Ecuador to halt attacks.", "THREATEN", {"PER"}, {"ECU"}),
    ("The Azerbaijani parliament threatened to break relations with Russia.", "THREATEN", {"AZE"}, {"RUS"}),
    ("North Korea said it is considering a missile strike on Guam.", "THREATEN", {"PRK"}, set()),
    ("Hamas threatened to resume attacks in Israel.", "THREATEN", {"PSE"}, {"ISR"}),
    ("Radical French farmers said they would blockade Paris.", "THREATEN", {"FRA"}, set()),
    ("Greece plans to impose restrictions on imports from Turkey.", "THREATEN", {"GRC"}, set()),
    ("The European Union warned Russia of further consequences.", "THREATEN", {"EUR"}, {"RUS"}),
    ("President Museveni has threatened to ban Ugandan opposition candidates from the election.", "THREATEN",
     {"UGA"}, {"UGA"}),
    ("Russia has threatened to stop negotiations if the United States deploys new missiles.", "THREATEN",
     {"RUS"}, {"USA"}),
    # ---- PROTEST: demonstrations, riots, strikes, blockades by civilians
    ("GUAYAQUIL, Ecuador, Nov. 14, 2024 (AP) - Dozens of relatives gathered outside the prison gates on "
     "Wednesday demanding lists of the dead.", "PROTEST", {"ECU"}, set()),
    ("Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday.", "PROTEST", {"IRQ"}, set()),
    ("Protesters in Hong Kong blocked major roads around the legislature.", "PROTEST", {"HKG"}, set()),
    ("Egyptian demonstrators rioted after the verdict.", "PROTEST", {"EGY"}, set()),
    ("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.", "PROTEST", {"SRB"}, set()),
    ("Algerian landowners began a hunger strike outside parliament.", "PROTEST", {"DZA"}, set()),
    ("Seven opposition parties in Nepal organized a general strike.", "PROTEST", {"NPL"}, set()),
    ("Palestinian youths threw stones at Israeli soldiers.", "PROTEST", {"PSE"}, {"ISR"}),
    ("Angry French paper workers blocked the Europe Bridge.", "PROTEST", {"FRA"}, set()),
    ("Students staged mass demonstrations against the Indonesian government.", "PROTEST", set(), {"IDN"}),
    ("More than a million people marched through Hong Kong against the bill.", "PROTEST", {"HKG"}, set()),
    # ---- SANCTION: sanctions, expulsions, suspended ties or aid
    ("The United States and the European Union imposed sanctions on Russian officials.", "SANCTION",
     {"USA", "EUR"}, {"RUS"}),
    ("Britain expelled 23 Russian diplomats on Wednesday.", "SANCTION", {"GBR"}, {"RUS"}),
    ("Japan halted economic aid to Serbia.", "SANCTION", {"JPN"}, {"SRB"}),
    # trade: bans and stops on goods
    ("Russia halted imports of Moldovan wine.", "SANCTION", {"RUS"}, {"MDA"}),
    ("BAKU (Reuters) - Russia's agricultural watchdog banned the produce from Wednesday.", "SANCTION", {"RUS"}, {"AZE"}),
    ("Farmers protested against a Russian ban on Georgian tomatoes and apples.", "SANCTION", {"RUS"}, {"GEO"}),
    ("BAKU (Reuters) - Azerbaijan said it would stop importing Russian poultry from Sept. 15.", "SANCTION", {"AZE"},
     {"RUS"}),
    ("Moscow suspended an agreement with Washington on air safety.", "SANCTION", {"RUS"}, {"USA"}),
    ("The United States suspended part of a military aid program for Bosnia.", "SANCTION", {"USA"}, {"BIH"}),
    ("Italy announced a suspension of air links with Serbia.", "SANCTION", {"ITA"}, {"SRB"}),
    ("North Korea expelled inspectors of the International Atomic Energy Agency.", "SANCTION", {"PRK"}, {"UNO"}),
    ("The U.N. Security Council approved new sanctions against North Korea.", "SANCTION", {"UNO"}, {"PRK"}),
    ("Saudi Arabia severed diplomatic ties with Iran.", "SANCTION", {"SAU"}, {"IRN"}),
    ("Turkey recalled its ambassador from Israel.", "SANCTION", {"TUR"}, {"ISR"}),
    # ---- MOBILIZE: military moves short of force
    # what a force is trained or readied against is its target
    ("North Korea has trained more than 500 computer hackers capable of launching cyber warfare against the "
     "United States.", "MOBILIZE", {"PRK"}, {"USA"}),
    ("Serbian army units had been moved to the highest level of alert.", "MOBILIZE", {"SRB"}, set()),
    ("Serbia put its troops on full combat readiness.", "MOBILIZE", {"SRB"}, set()),
    ("GUAYAQUIL, Ecuador, Nov. 14, 2024 (AP) - On Wednesday hundreds of soldiers had been sent into the compound.",
     "MOBILIZE", {"ECU"}, set()),
    ("Russia massed troops near the border with Ukraine.", "MOBILIZE", {"RUS"}, set()),
    ("KADUNA, Nigeria (Reuters) - The governor said extra troops had been deployed to the area.", "MOBILIZE", {"NGA"},
     set()),
    ("Britain mobilized army reservists for a possible war against Iraq.", "MOBILIZE", {"GBR"}, set()),
    ("Israeli troops remained on alert in the occupied West Bank.", "MOBILIZE", {"ISR"}, {"PSE"}),
    ("The Pentagon ordered about 3,000 troops to Poland and Romania.", "MOBILIZE", {"USA"}, set()),
    ("China deployed warships near Taiwan.", "MOBILIZE", {"CHN"}, set()),
    ("North Korea tested two intercontinental ballistic missiles in July.", "MOBILIZE", {"PRK"}, set()),
    # "charged that ...": an accusation against the doer of what it charges
    ("QUITO, Nov. 14, 2024 (AP) - Ecuador's ombudsman charged that soldiers beat handcuffed prisoners.", "ACCUSE",
     {"ECU"}, {"ECU"}),
    ("PORT-AU-PRINCE, July 28, 2025 (AP) - The rights group Collectif Justice Populaire charged that at least 11 "
     "of the dead were civilians.", "ACCUSE", {"NGO"}, set()),
    # a speech act the parser joined to the reported clause is the reporter's
    ("PORT-AU-PRINCE, July 28, 2025 (AP) - The rights group Collectif Justice Populaire charged that at least 11 "
     "of the dead were civilians, and called for an independent investigation.", "REQUEST", {"NGO"}, set()),
    # ---- COERCE: arrests, raids, curfews, bans
    # an outbreak of violence is no disaster that would make the emergency a relief measure
    ("GUAYAQUIL, Ecuador, Nov. 14, 2024 (AP) - Ecuador declared a state of emergency in its prisons after the "
     "deadliest outbreak of prison violence this year.", "COERCE", {"ECU"}, set()),
    ("Israeli soldiers arrested more than 100 Palestinians on Saturday.", "COERCE", {"ISR"}, {"PSE"}),
    ("SAN SALVADOR (AP) - Salvadoran police arrested an investigative journalist at his home on Tuesday.", "COERCE",
     {"SLV"}, {"SLV"}),
    ("Ghanaian authorities deported 168 Liberians.", "COERCE", {"GHA"}, {"LBR"}),
    ("Turkish authorities imposed a curfew in the town of Cizre.", "COERCE", {"TUR"}, {"TUR"}),
    ("The British government outlawed the largest Protestant extremist organization.", "COERCE", {"GBR"}, set()),
    ("Turkish police prevented the demonstration by students.", "COERCE", {"TUR"}, set()),
    ("Palestinian police confiscated weapons from Palestinian armed groups.", "COERCE", {"PSE"}, {"PSE"}),
    ("President Museveni banned Ugandan opposition candidates from the elections.", "COERCE", {"UGA"}, {"UGA"}),
    ("Muslim hackers defaced nearly 3,000 Danish web sites.", "COERCE", set(), {"DNK"}),
    ("Police detained dozens of opposition supporters in Minsk.", "COERCE", {"BLR"}, set()),
    ("Israel reimposed blockades in the West Bank.", "COERCE", {"ISR"}, {"PSE"}),
    ("The military government declared a state of siege in Haiti.", "COERCE", set(), {"HTI"}),
    # ---- ASSAULT: violence
    ("KYIV, Nov 21, 2025 (Reuters) - Many of the Ukrainians freed had been captured near Avdiivka in February "
     "2024.", "ASSAULT", set(), {"UKR"}),
    ("BAGHDAD, March 3, 2024 (Reuters) - The bombing left 11 people dead.", "ASSAULT", set(), {"IRQ"}),
    # a force named on the weapon it acted through
    ("PORT-AU-PRINCE, July 28, 2025 (AP) - Armoured vehicles carrying Haitian and Kenyan officers stormed the "
     "district before dawn on Saturday.", "ASSAULT", {"HTI", "KEN"}, {"HTI"}),
    ("OUAGADOUGOU, Oct. 19, 2023 (Reuters) - An army drone struck a livestock market in the northwest on Sunday.",
     "ASSAULT", {"BFA"}, set()),
    ("MONTEVIDEO, May 7, 2025 (AFP) - Uruguay's charge d'affaires was pushed to the ground by the officers.",
     "ASSAULT", set(), {"URY"}),
    ("The United States fired 59 Tomahawk cruise missiles at a Syrian air base.", "ASSAULT", {"USA"}, {"SYR"}),
    ("In August, Ukraine launched an incursion into Russia's Kursk region.", "ASSAULT", {"UKR"}, {"RUS"}),
    ("In March 2016, Argentina's coast guard sank a Chinese trawler.", "ASSAULT", {"ARG"}, {"CHN"}),
    ("KADUNA, Nigeria (Reuters) - More than 60 train passengers were kidnapped on the route in March 2022.", "ASSAULT",
     set(), {"NGA"}),
    ("A Chinese coast guard ship tried to ram a Philippine supply boat.", "ASSAULT", {"CHN"}, set()),
    ("Ukraine's incursion into Russia's Kursk region surprised Moscow.", "ASSAULT", {"UKR"}, {"RUS"}),
    ("Sudanese rebels shelled the town of Kadugli on Sunday.", "ASSAULT", {"SDN"}, set()),
    ("A temporary camp for Congolese refugees was attacked by Burundian militiamen.", "ASSAULT",
     {"BDI"}, {"COD"}),
    ("Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia.", "ASSAULT",
     {"SRB"}, {"SRB"}),
    ("Irish nationalist guerrillas wounded two British soldiers in a bomb attack.", "ASSAULT", set(), {"GBR"}),
    ("Three US servicemen were killed by an improvised explosive device outside the Iraqi city of Basra.",
     "ASSAULT", {"IRQ"}, {"USA"}),
    ("Israel mounted an invasion of southern Lebanon.", "ASSAULT", {"ISR"}, {"LBN"}),
    ("Burmese troops captured a rebel stronghold on the Thai border.", "ASSAULT", {"MMR"}, set()),
    # a people of one state is of that state; a people set apart from its namesake, of where it lives
    ("Burmese troops have captured part of a Karen guerrilla stronghold on the Thai border.", "ASSAULT", {"MMR"},
     {"MMR"}),
    ("Serb forces were engaged in ethnic cleansing in Montenegro against the Albanian population of the "
     "province.", "ASSAULT", {"SRB"}, {"MNE"}),
    # an implied recipient is not the actor's own demonym ("Ethnic Albanians ... swore")
    ("Ethnic Albanians have sworn to fight until they gain control of villages near Macedonia's border.",
     "THREATEN", {"MKD"}, {"MKD"}),
    ("Afghan rebels kidnapped 16 Russian civilian advisers.", "ASSAULT", {"AFG"}, {"RUS"}),
    ("Hezbollah guerrillas killed an Israeli soldier.", "ASSAULT", {"LBN"}, {"ISR"}),
    ("Russian aircraft bombed rebel positions near Idlib.", "ASSAULT", {"RUS"}, {"SYR"}),
    ("Egyptian police opened fire on demonstrators in Cairo.", "ASSAULT", {"EGY"}, set()),
    ("Israeli air strikes on Gaza killed 20 people.", "ASSAULT", {"ISR"}, {"PSE"}),
    ("Clashes between Armenian and Azerbaijani forces erupted on the border.", "ASSAULT", {"ARM", "AZE"}, set()),
    ("Houthi rebels attacked a British tanker in the Red Sea.", "ASSAULT", {"YEM"}, {"GBR"}),
    ("Serb forces were engaged in ethnic cleansing against the Albanian population.", "ASSAULT", {"SRB"}, set()),
    # ---- added in session 2: datelines, misparsed plurals, targets read off other events
    ("BRUSSELS, March 17, 2014 (AFP) - European Union foreign ministers slapped travel bans and asset "
     "freezes on 21 Russian officials.", "SANCTION", {"EUR"}, {"RUS"}),
    ("US President Barack Obama ordered asset freezes and entry bans against seven senior Russian officials.",
     "SANCTION", {"USA"}, {"RUS"}),
    ("The U.N. Security Council approved new sanctions banning North Korean exports of coal.", "SANCTION",
     {"UNO"}, {"PRK"}),
    ("Turkish police prevented the demonstration staged by Kurdish students in Diyarbakir.", "COERCE",
     {"TUR"}, {"TUR"}),
    ("Algerian landowners staged a hunger strike in protest against the seizure of their land by "
     "Algerian government forces.", "PROTEST", {"DZA"}, {"DZA"}),
    ("Prisoners rioted at a jail in the Kenyan capital Nairobi on Monday.", "PROTEST", {"KEN"}, set()),
    ("Zarif blamed Israel for the blackout at Natanz and vowed that Iran would retaliate.", "THREATEN",
     {"IRN"}, {"ISR"}),
    ('"If Russia continues to interfere in Ukraine, we stand ready to impose further sanctions," '
     "US President Barack Obama told reporters.", "THREATEN", {"USA"}, {"RUS"}),
    ("Iran and six world powers reached an agreement, ending 18 days of marathon talks in Vienna.", "CONSULT",
     {"IRN"}, set()),
    ("The ILO reiterated its demand today that Israel ease restrictions on Palestinian workers.", "REQUEST",
     {"UNO"}, {"ISR"}),
    ("Hundreds of thousands of people blocked streets in Hong Kong in defiance of Chinese authorities.",
     "PROTEST", {"HKG"}, {"CHN"}),
    ("Russian forces shelled Kharkiv on Thursday.", "ASSAULT", {"RUS"}, {"UKR"}),
    ("Serbian military police launched an investigation into crimes committed by Croat forces.", "ACCUSE",
     {"SRB"}, {"HRV"}),
    ("Iraq's interim government announced that it is prepared to impose martial law.", "THREATEN",
     {"IRQ"}, {"IRQ"}),
    ("Two Palestinian suicide bombers killed 23 people when they blew themselves up in Tel Aviv.", "ASSAULT",
     {"PSE"}, {"ISR"}),
    ("Vietnam is committed to opening up the economy.", "AGREE", {"VNM"}, set()),
    ("President Barack Obama signed an executive order freezing the U.S. assets of seven Russian officials.",
     "SANCTION", {"USA"}, {"RUS"}),
    ("A nerve agent was used to poison a former Russian spy and his daughter in the English city of Salisbury.",
     "ASSAULT", set(), {"RUS"}),
    ("LIMA, May 14, 2025 (Reuters) - Police arrested 43 people after a march against a pension overhaul "
     "turned violent.", "PROTEST", {"PER"}, set()),
    ("The World Food Programme suspended deliveries on Friday, a day after unidentified gunmen ambushed one of "
     "its convoys in South Sudan's Upper Nile state.", "ASSAULT", {"SSD"}, set()),
    ("Germany ordered two Iranian diplomats to leave the country on Tuesday.", "SANCTION", {"DEU"}, {"IRN"}),
    ("DOHA, Sept. 24, 2024 (AFP) - The Chadian army said its aircraft bombed a rebel column on Sept. 17.",
     "ASSAULT", {"TCD"}, set()),
    ("Belarus launched military exercises near its border with Lithuania on Tuesday.", "MOBILIZE", {"BLR"}, set()),
    ("BUCHAREST, Oct. 8, 2025 (Reuters) - Romania blamed hackers working for Russia's GRU military intelligence "
     "agency for a cyberattack that crippled the national power grid operator last month.", "COERCE", {"RUS"},
     set()),
    ("Romania blamed hackers working for Russia's GRU for a cyberattack on its power grid.", "ACCUSE", {"ROU"},
     {"RUS"}),
    ('Lithuania said it would respond "immediately" if any Belarusian unit crossed into its territory.', "THREATEN",
     {"LTU"}, {"BLR"}),
    ("Germany closed all three Iranian consulates in protest at the execution of a dual national.", "SANCTION",
     {"DEU"}, {"IRN"}),
    # a preposition whose object the parser made the subject of the next clause
    ("Peru granted asylum to five Bolivian officials holed up in its embassy.", "AID", {"PER"}, {"BOL"}),
    # the object after an "as" phrase; the accused of an act named by a national adjective
    ("Albania denounced as a crime Serbia's repression of the protests.", "ACCUSE", {"ALB"}, {"SRB"}),
    ("Lebanon complained to the United Nations over Israeli air raids.", "ACCUSE", {"LBN"}, {"ISR"}),
    ("The EU imposed tariffs on Chinese steel. China said the tariffs were naked protectionism.", "ACCUSE", {"CHN"},
     {"EUR"}),
    # a passive's "by" phrase that the parser hung on the verb above
    ("The former president has been accused of misusing public funds, much of it believed stolen, by Haitian "
     "officials.", "ACCUSE", {"HTI"}, set()),
    # misspelt countries; a person the NER took for a place, coded by the body in apposition
    ("Ethopia agreed to reopen its border with Eritrea.", "AGREE", {"ETH"}, set()),
    ("Pakistan rejected an offer from Afganistan for direct talks.", "REJECT", {"PAK"}, {"AFG"}),
    ("Kenzo Oshima, the United Nations relief coordinator, urged the warring parties to allow aid convoys.",
     "REQUEST", {"UNO"}, set()),
    ("The rebels insisted on their demand that Burundi's government release all prisoners.", "REQUEST", set(),
     {"BDI"}),
    # protests: the protesters' own government when nobody else is named; a country's embassy
    ("Algerian landowners began a hunger strike outside parliament.", "PROTEST", {"DZA"}, {"DZA"}),
    ("Hundreds of Iranian students protested outside the British embassy in Tehran.", "PROTEST", {"IRN"}, {"GBR"}),
    ("Unions called a general strike for Monday.", "PROTEST", set(), set()),
    # arrests with no one named are the authorities' where they happen
    ("TBILISI, Nov 10 (Reuters) - Police said 38 people were detained overnight.", "COERCE", {"GEO"}, set()),
    ("Three journalists were arrested in Tehran on Monday.", "COERCE", {"IRN"}, {"IRN"}),
    ("Belarusian police suppressed the protests in Minsk.", "COERCE", {"BLR"}, set()),
    # trade measures: goods carry their country; countermeasures; a conditional threat
    ("The European Union imposed tariffs on Chinese-made electric cars.", "SANCTION", {"EUR"}, {"CHN"}),
    ("Beijing announced duties on Australian wine.", "SANCTION", {"CHN"}, {"AUS"}),
    ("Moscow took countermeasures against Washington.", "SANCTION", {"RUS"}, {"USA"}),
    ("If Brussels insists on the tariffs, China will take all necessary measures to defend its interests.",
     "THREATEN", {"CHN"}, set()),
    ("Germany and Hungary voted against the measure.", "REJECT", {"DEU", "HUN"}, set()),
    # opening an embassy supports the host; a capital's namesake in the country the sentence names
    ("Sri Lanka opened an embassy in Tehran.", "SUPPORT", {"LKA"}, {"IRN"}),
    # a judgement of an accusation is aimed at the accuser, not at the judge's own acts
    ("Romania blamed Russia for the cyberattack. Moscow called the accusation a provocation.", "ACCUSE", {"RUS"},
     {"ROU"}),
    # answering in kind is a threat to whoever acted first
    ("Germany expelled two Iranian diplomats. Iran said it would respond in kind.", "THREATEN", {"IRN"}, {"DEU"}),
    # talks with the other side that a speaker announces are the speaker's side's
    ("The European Commission opened an inquiry. Commission spokesman Olivier Duchene said that talks with "
     "Chinese officials would resume next week.", "CONSULT", {"EUR"}, {"CHN"}),
    # the owner of what is struck, named by a possessive pronoun
    ("Ukraine said Russian troops shelled its positions near Bakhmut.", "ASSAULT", {"RUS"}, {"UKR"}),
    # "X said Y would face the full force of the law": the speaker threatens Y
    ("The minister said the rebels would face consequences if they attacked again.", "THREATEN", set(), set()),
    ("HARARE, March 12 (Reuters) - The home affairs minister said anyone who held the rally would face the full "
     "force of the law.", "THREATEN", {"ZWE"}, set()),
    # organisers of a protest at home
    ("TBILISI, Nov 10 (Reuters) - The prime minister warned that organisers would face criminal charges if the "
     "protests turned violent.", "THREATEN", {"GEO"}, {"GEO"}),
    ("Syrian officers ended mediation between rival militias in Tripoli as shells crashed into the north "
     "Lebanese port.", "SANCTION", {"SYR"}, {"LBN"}),
    # demonyms the parser splits off a group; "exchanged fire" is mutual
    ("Kyrgyz and Tajik border troops exchanged fire near a disputed water intake on Wednesday.", "ASSAULT",
     {"KGZ", "TJK"}, {"KGZ", "TJK"}),
    # the target after the weapon's phrase
    ("Tajik forces opened fire with mortars on a Kyrgyz post near the border.", "ASSAULT", {"TJK"}, {"KGZ"}),
    ("Witnesses said police officers had hit the men with batons.", "ASSAULT", set(), set()),
    # an arrest with no one named and no place: the authorities of the dateline's country
    ("ZAGREB, Oct. 22, 2025 (AFP) - The men had been detained in forests near the border over the weekend, "
     "the ministry said.", "COERCE", {"HRV"}, set()),
    # a civil-society body tied to no country is an NGO
    ("ZAGREB, Oct. 22, 2025 (AFP) - An aid group accused Croatian police of beating migrants.", "ACCUSE",
     {"NGO"}, {"HRV"}),
    # a protest handed over in writing is an accusation, not a demonstration
    ("He said Bishkek had handed a protest note to Tajikistan's ambassador.", "ACCUSE", {"KGZ"}, {"TJK"}),
    # an ambassador with no country, summoned in the country he is posted to, is the other side's
    ("BANGKOK, Nov. 27, 2024 (AP) - Thailand accused Cambodia of espionage. The Foreign Ministry summoned "
     "Ambassador Chea Sokha and handed him a letter of protest.", "ACCUSE", {"THA"}, {"KHM"}),
    ("A group of soldiers tried to take over the state broadcaster in Banjul.", "ASSAULT", set(), set()),
    ("ECOWAS said it would send a delegation to Banjul on Friday.", "AGREE", {"IGO"}, {"GMB"}),
    # turned away with no one named: the authorities where it happened; what a body adopted is its own
    ("The IAEA said its inspectors were turned away at the gate of a facility near Deir ez-Zor on Monday.",
     "REJECT", {"SYR"}, {"UNO"}),
    ("Damascus rejected a resolution adopted last week by the agency's Board of Governors after the "
     "International Atomic Energy Agency reported it.", "REJECT", {"SYR"}, set()),
    ("VIENNA, June 13 (AFP) - The International Atomic Energy Agency said Syria had refused access. Damascus "
     "rejected a resolution adopted last week by the agency's 35-nation Board of Governors.", "REJECT", {"SYR"},
     {"UNO"}),
    # "the two countries", "the two men": the two countries the article names most
    ("BANGKOK, Nov. 27 (AP) - Thailand accused Cambodia of espionage. Border talks between the two countries are "
     "scheduled to go ahead in Siem Reap next week.", "CONSULT", {"THA", "KHM"}, {"THA", "KHM"}),
    ("BISHKEK, Sept. 12 (Reuters) - Kyrgyz and Tajik troops exchanged fire. The heads of the two border services "
     "spoke by telephone late on Wednesday.", "CONSULT", {"KGZ", "TJK"}, {"KGZ", "TJK"}),
    ("Officials said hackers working for Cambodian state agencies had broken into the email accounts of 40 Thai "
     "officials.", "COERCE", {"KHM"}, {"THA"}),
    ("BANGKOK, Nov. 27 (AP) - Thailand will suspend a joint working group on telecommunications if Cambodia does "
     "not respond within seven days.", "THREATEN", {"THA"}, {"KHM"}),
    # attackers no one names, by where they struck; a visit planned with its purpose
    ("ANKARA, July 21 (Reuters) - The minister said the pipeline had been attacked twice last year, both times "
     "by saboteurs on the ground.", "ASSAULT", {"TUR"}, set()),
    ("HANOI, May 8 (Reuters) - Indonesian President Hendra Wirawan arrived in Hanoi. Wirawan will travel to Ho Chi "
     "Minh City on Friday to meet business leaders.", "AGREE", {"IDN"}, {"VNM"}),
    # the one held in detention is the recipient; who ordered it, the actor
    ("A Colombian judge on Wednesday ordered former senator Ernesto Valbuena held in pre-trial detention.",
     "COERCE", {"COL"}, {"COL"}),
    ("Peruvian police kept the activists in custody overnight.", "COERCE", {"PER"}, {"PER"}),
    # measures on a bloc's goods fall on the bloc
    ("Beijing hit back by announcing duties on European pork and dairy products.", "SANCTION", {"CHN"}, {"EUR"}),
    # a reporting clause the parser hung on the last noun; demonstrations during which others acted
    ("Croatian authorities are failing to uphold the property rights of Croatian Serb refugees, a human rights "
     "group protested here Wednesday.", "ACCUSE", {"NGO"}, {"HRV"}),
    ("Palestinian youths resorted to throwing stones during demonstrations against the Israeli military, "
     "officials said on Thursday.", "PROTEST", {"PSE"}, {"ISR"}),
    # a name set off after a title a misspelt country possesses
    ("Quatar's emir, Sheikh Hamad bin Khalifa al-Thani launched a mediation effort between the Emirates and "
     "Saudi Arabia.", "CONSULT", {"QAT"}, {"ARE", "SAU"}),
    ("North Korea has trained more than 500 computer hackers.", "MOBILIZE", {"PRK"}, set()),
    ("Fighting between Azerbaijanis and Armenians continued.", "ASSAULT", {"AZE", "ARM"}, {"AZE", "ARM"}),
    # a second verb of the sentence hung on the reported clause; a diplomat summoned by pronoun
    ("TBILISI, Nov 10 (Reuters) - The government said the protests had been \"organised and financed from "
     "abroad\" and accused the EU's ambassador, Marek Novotny, of interference.", "ACCUSE", {"GEO"}, {"EUR"}),
    ("TBILISI, Nov 10 (Reuters) - The government accused the EU's ambassador, Marek Novotny, of interference. "
     "The Foreign Ministry summoned him later in the day.", "ACCUSE", {"GEO"}, {"EUR"}),
    # a hostile act a source says another did is an accusation by the source
    ("LIMA, May 14 (Reuters) - The National Human Rights Coordinator said police had beaten several detained "
     "protesters.", "ACCUSE", {"PER"}, {"PER"}),
    ("BISHKEK, Sept. 12 (Reuters) - Kyrgyzstan's State Border Service said Tajik forces had opened fire on a "
     "Kyrgyz post.", "ACCUSE", {"KGZ"}, {"TJK"}),
    # diplomats by other titles; vessels sent, seized and boarded
    ("SUVA (Reuters) - Fiji summoned Tonga's high commissioner on Monday.", "ACCUSE", {"FJI"}, {"TON"}),
    # a chargé d'affaires is a diplomat (and no charge); summoned "to" a ministry, by its state
    ("Canada summoned Burkina Faso's charge d'affaires in Ottawa on Wednesday.", "ACCUSE", {"CAN"}, {"BFA"}),
    # impeachment, dissolving a body, sealing off a building, revoking a permit, fines
    ("Malawi's lawmakers voted to impeach President Lusungu Kachingwe on Wednesday.", "ACCUSE", {"MWI"}, {"MWI"}),
    # crossings shut; officers flown in to help; a reaction to "the closures" is aimed at who closed
    ("TALLINN, November 20, 2025 (AP) - Estonia shut two of its three road crossings with Russia on Tuesday.",
     "SANCTION", {"EST"}, set()),
    ("TALLINN, November 20, 2025 (AP) - Frontex, the European Union's border agency, flew 60 officers to "
     "Estonia on Wednesday.", "AID", {"EUR"}, {"EST"}),
    ("TALLINN, November 20, 2025 (AP) - Estonia shut two of its three road crossings with Russia on Tuesday. The "
     "closures were criticised by the UN refugee agency, UNHCR, and by the Baltic Asylum Network, a Riga-based "
     "coalition of aid groups.", "ACCUSE", {"UNO", "NGO"}, {"EST"}),
    # forces that would disarm others unless they hand in their weapons: a threat
    ("Cameroon's governor said troops would disarm anyone found carrying weapons unless they surrendered them.",
     "THREATEN", {"CMR"}, set()),
    ("Government troops disarmed the Kenyan militia on Monday.", "COERCE", set(), {"KEN"}),
    # nationalising a mine, or a decree transferring it to the state: property seized
    ("OUAGADOUGOU, June 19, 2025 (Reuters) - Burkina Faso has nationalised the Yabere gold mine.", "COERCE",
     {"BFA"}, set()),
    ("OUAGADOUGOU, June 19, 2025 (Reuters) - Burkina Faso's council of ministers adopted a decree on Tuesday "
     "transferring the mine to the state.", "COERCE", {"BFA"}, set()),
    # "The decision was welcomed by X and condemned by Y": both react to the decision's maker
    ("FUNAFUTI, June 12, 2025 (AFP) - Tuvalu cut ties with Taiwan on Wednesday. The decision was welcomed by "
     "Beijing and condemned by Taipei and by the United States, whose State Department said it was deeply "
     "disappointed.", "SUPPORT", {"CHN"}, {"TUV"}),
    ("FUNAFUTI, June 12, 2025 (AFP) - Tuvalu cut ties with Taiwan on Wednesday. The decision was welcomed by "
     "Beijing and condemned by Taipei and by the United States, whose State Department said it was deeply "
     "disappointed.", "ACCUSE", {"TWN", "USA"}, {"TUV"}),
    # executions by hanging, stabbings, strafing, overrunning a base; reprimands, blacklists; a
    # border reopened
    ("Iran hanged two dissidents on Monday.", "ASSAULT", {"IRN"}, {"IRN"}),
    ("Burmese rebels overran an army base in the north.", "ASSAULT", {"MMR"}, set()),
    ("Russian jets strafed the convoy on Tuesday.", "ASSAULT", {"RUS"}, set()),
    ("A man stabbed two police officers in Paris.", "ASSAULT", set(), {"FRA"}),
    ("China reprimanded the Japanese ambassador.", "ACCUSE", {"CHN"}, {"JPN"}),
    ("The US blacklisted three Russian banks.", "SANCTION", {"USA"}, {"RUS"}),
    ("Uzbekistan reopened the border crossing with Tajikistan.", "RETREAT", {"UZB"}, {"TJK"}),
    # a suspension no one is named as making, in a government's own report of it: that government's
    ("TAIPEI, June 12, 2025 (AFP) - Taiwan cut ties with Tuvalu. Taiwan's foreign ministry said 11 aid projects, "
     "including a solar farm, had been suspended.", "SANCTION", {"TWN"}, {"TUV"}),
    # calling an act a coup, or accusations hysteria, is disapproval
    ("Malawi's president called the vote a coup.", "ACCUSE", {"MWI"}, set()),
    ("Malawi's president signed a decree dissolving the National Assembly on Thursday.", "COERCE", {"MWI"},
     {"MWI"}),
    ("LILONGWE, March 14, 2025 (Reuters) - Riot police sealed off the parliament building in Lilongwe.", "COERCE",
     {"MWI"}, set()),
    ("Burkina Faso revoked the export permits of its Canadian operator, Norvanta Resources.", "SANCTION", {"BFA"},
     {"CAN"}),
    ("The government would revoke Calder's licence, Nigeria's minister said.", "THREATEN", {"NGA"}, set()),
    ("Kenya fined the Chinese contractor on Monday.", "SANCTION", {"KEN"}, {"CHN"}),
    # taking control: of a plant, property seized; of a town, an assault
    ("Burkinabe gendarmes entered the mine on Monday and took control of its processing plant.", "COERCE",
     {"BFA"}, set()),
    ("Houthi rebels took control of the town on Monday.", "ASSAULT", {"YEM"}, set()),
    # jets scrambled, conscripts moved: mobilisation
    ("Romania scrambled two F-16 fighter jets late on Sunday.", "MOBILIZE", {"ROU"}, set()),
    ("Estonia's Defence Forces moved 300 conscripts to the south-eastern border.", "MOBILIZE", {"EST"}, set()),
    # land allocated, residence granted: aid; recognition switched: support
    ("Chad allocated land to displaced Cameroonian families.", "AID", {"TCD"}, {"CMR"}),
    ("Guatemala granted the Nicaraguan exiles temporary residence on arrival.", "AID", {"GTM"}, {"NIC"}),
    ("Tuvalu switched recognition to China on Wednesday.", "SUPPORT", {"TUV"}, {"CHN"}),
    # prisoners refusing food; fishermen blocking a channel: protest
    ("Nineteen Nicaraguan prisoners had refused food since early September.", "PROTEST", {"NIC"}, set()),
    ("Nigerian fishermen in wooden canoes have blocked the channel leading to the export terminal.", "PROTEST",
     {"NGA"}, set()),
    ("The Canadian company filed for international arbitration against Burkina Faso.", "ACCUSE", {"CAN"}, {"BFA"}),
    ("Russia's chargé d'affaires, who was summoned to the Estonian Foreign Ministry on Wednesday, was handed a "
     "protest note.", "ACCUSE", {"EST"}, {"RUS"}),
    # a threat about what the actor's own side would do is aimed at the other side of the story
    ("FUNAFUTI, June 12, 2025 (AFP) - Tuvalu cut ties with Taiwan. Foreign Minister Lin Chia-hao told reporters "
     "in Taipei that Taiwan was disappointed. Lin warned that Taiwan would seek early repayment of a loan.",
     "THREATEN", {"TWN"}, {"TUV"}),
    # ... or at the owner of what it would take
    ("OUAGADOUGOU, June 19, 2025 (Reuters) - Burkina Faso revoked the permits of its Canadian operator, "
     "Norvanta Resources, on Monday. The minister warned that Norvanta's exploration licences would be cancelled if it pressed ahead with the case.",
     "THREATEN", {"BFA"}, {"CAN"}),
    ("Fiji's navy sent a patrol boat to the area on Sunday.", "MOBILIZE", {"FJI"}, set()),
    ("A Russian-flagged tanker was boarded by the Swedish coast guard the following day.", "COERCE", {"SWE"},
     set()),
    ("The Chinese navy boarded a Vietnamese fishing boat.", "COERCE", {"CHN"}, {"VNM"}),
    # a relative pronoun stands for the noun it describes
    ("Tonga released the crew of a Fijian fishing boat that its navy seized on Saturday.", "COERCE", {"TON"},
     {"FJI"}),
    # "with X and Y agreeing": the participle's subject is the object of "with"
    ("The talks ended with Tonga and Fiji agreeing to set up a joint committee.", "AGREE", {"TON", "FJI"}, set()),
    # "at thousands of students marching": the object the parser made the participle's subject
    ("COLOMBO (AP) - Police fired tear gas on Tuesday at thousands of students marching on parliament.", "ASSAULT",
     {"LKA"}, {"LKA"}),
    ("MAPUTO (Reuters) - Rwanda flew reinforcements to Quissanga by helicopter on Sunday.", "MOBILIZE", {"RWA"},
     set()),
    ("CONAKRY (Reuters) - Hundreds of extra gendarmes were flown into Boke the same day.", "MOBILIZE", {"GIN"}, set()),
    ("The insurgents were pushed back by Rwandan and Mozambican troops on Monday.", "ASSAULT", {"RWA", "MOZ"}, set()),
    ("The World Food Programme began handing out rice and beans in Metuge on Monday.", "AID", {"UNO"}, set()),
    ("A $3 billion Saudi deposit at the State Bank of Pakistan has been rolled over for another year.", "AID",
     {"SAU"}, {"PAK"}),
    ("The Russian foreign ministry said it would answer the expulsions.", "THREATEN", {"RUS"}, set()),
    ("Estonia and Lithuania voiced support for Riga's decision.", "SUPPORT", {"EST", "LTU"}, {"LVA"}),
    # a threat is aimed at the one whose act its condition names
    ("Israel threatened to ban voting in East Jerusalem if Hamas ran in the election.", "THREATEN", {"ISR"},
     {"PSE"}),
    ("China warned it would impose tariffs if the EU insisted on its duties.", "THREATEN", {"CHN"}, {"EUR"}),
    # subjects and agents the parser left unjoined; bodies of organisations; "the two"
    ("The U.N. human rights office and Amnesty International urged the government to lift the ban.", "REQUEST",
     {"UNO", "NGO"}, set()),
    ("The ruling was welcomed by the U.N. refugee agency and by Amnesty International.", "SUPPORT", {"UNO", "NGO"},
     set()),
    ("The European Union's delegation in Colombo called for restraint on all sides.", "REQUEST", {"EUR"}, set()),
    ("Mozambique's defence minister spoke by telephone with his Rwandan counterpart on Monday, and the two agreed "
     "to set up a joint command post.", "AGREE", {"MOZ", "RWA"}, set()),
    ("Saudi Arabia pledged investment in Pakistan. A contract for 24 trainers was signed afterwards by the two "
     "countries' defence ministers.", "SUPPORT", {"SAU", "PAK"}, set()),
    # a rejection of what another party said is aimed at that party
    ("Amnesty International urged Sri Lanka to free the students. The foreign ministry rejected the criticism as "
     "ill-informed.", "REJECT", set(), {"NGO"}),
    ("Turkmen state television said Uzbek farmers had been diverting water, a charge that was dismissed as "
     "baseless by Uzbekistan's foreign ministry.", "REJECT", {"UZB"}, {"TKM"}),
    ("RIGA (Reuters) - The Aurora Bay, a Cameroon-flagged cargo ship, was boarded by the Swedish coast guard.",
     "COERCE", {"SWE"}, set()),
    # accusations in other words: a judgement as a second object or apposition, legal action,
    # a protest note sent, an oversight office's account of abuse
    ("The rights group branded the Burkinabe army's attack a possible war crime.", "ACCUSE", {"NGO"}, {"BFA"}),
    # a diplomatic note is a protest; what it protests, its sender protests, on the day it was handed
    ("NAIROBI, March 6, 2025 (Reuters) - The dispute had been brewing since Monday, when Kenya handed a diplomatic "
     "note to the Somali embassy protesting the harassment of Kenyan aircrews.", "ACCUSE", {"KEN"}, {"SOM"}),
    # a rejection the narrator reports after what it rejects is asserted, aimed at its authors
    ("MITROVICA, Kosovo, Oct 22, 2025 (AFP) - Kosovo police said they had found two rifles on the premises, an "
     "account that Serbian officials rejected.", "REJECT", {"SRB"}, {"KOS"}),
    # an act named again as the subject of a reaction: aimed at whoever did it before
    ("Kosovo police raided the offices of a Serbian-run welfare centre on Monday. Monday's raid was condemned by "
     "Serbia's foreign ministry.", "ACCUSE", {"SRB"}, {"KOS"}),
    ("Uruguay filed a case against Paraguay at the International Court of Justice.", "ACCUSE", {"URY"}, {"PRY"}),
    ("Bangladesh sent a protest note to India.", "ACCUSE", {"BGD"}, {"IND"}),
    ("KYIV (Reuters) - The ombudsman charged that guards had beaten inmates.", "ACCUSE", {"UKR"}, {"UKR"}),
    ("Ukraine's ombudsman said Russian guards had mistreated the prisoners.", "ASSAULT", {"RUS"}, set()),
    ("BUNIA, Congo (AP) - U.N. peacekeepers handed over a base in Ituri to the Congolese army on Tuesday.",
     "RETREAT", {"UNO"}, {"COD"}),
    ("OUAGADOUGOU (Reuters) - The news site was suspended for one month.", "COERCE", {"BFA"}, set()),
    ("ASUNCION (Reuters) - Officers dragged the former minister out of the embassy.", "COERCE", {"PRY"}, set()),
    ("DHAKA (Reuters) - Two men were shot dead by Indian border guards before dawn.", "ASSAULT", {"IND"}, {"BGD"}),
    # an attack nobody is named for, on a place where people are: the people of that place
    ("OUAGADOUGOU, Oct. 19, 2023 (Reuters) - A drone strike hit a crowded market on Sunday.", "ASSAULT", set(),
     {"BFA"}),
    ("NAIROBI (Reuters) - Kenya suspended all flights to and from Somalia on Tuesday.", "SANCTION", {"KEN"},
     {"SOM"}),
    ("Somalia closed its airspace to Kenyan aircraft.", "SANCTION", {"SOM"}, {"KEN"}),
    ("Russia and Ukraine swapped 150 prisoners of war on Wednesday.", "RETREAT", {"RUS", "UKR"}, set()),
    ("The exchange was brokered by the United Arab Emirates.", "CONSULT", {"ARE"}, set()),
    ("The Taliban vowed revenge against the United States.", "THREATEN", {"AFG"}, {"USA"}),
    ("Kosovo brushed aside Serbia's demand.", "REJECT", {"KOS"}, {"SRB"}),
    # hyphenated words of the lexicon stay one token
    ("SEOUL (AP) - About 40 union members who were holding a sit-in at a train depot were removed by police.",
     "PROTEST", {"KOR"}, set()),
    ("SEOUL (AP) - About 40 union members who were holding a sit-in at a train depot were removed by police.",
     "COERCE", {"KOR"}, set()),
    ("North Korea test-fired a missile on Sunday.", "MOBILIZE", {"PRK"}, set()),
    ("The Inter-American Commission on Human Rights asked the Salvadoran government for information.", "REQUEST",
     {"IGO"}, {"SLV"}),
    ("MANILA (Reuters) - In June, a Chinese coast guard ship used a water cannon against a Philippine supply boat.",
     "ASSAULT", {"CHN"}, {"PHL"}),
    ("BANGUI (Reuters) - The Northern Patriotic Alliance walked out of the talks on Thursday.", "REJECT", {"CAF"},
     set()),
    ("The Sri Lankan army has been holding thousands of Tamil civilian refugees as human shields.", "COERCE", {"LKA"},
     {"LKA"}),
    ("SUVA (Reuters) - The fishermen, who had been held at a naval base in Nuku'alofa since Sunday, were flown back.",
     "COERCE", {"TON"}, set()),
    # a court's ruling against a state
    ("On Dec. 16, 2015, the International Court of Justice ruled that Nicaragua had violated Costa Rican "
     "sovereignty.", "ACCUSE", {"UNO"}, {"NIC"}),
    ("In 2021 the European Court of Human Rights ruled against Croatia over the death of a migrant girl.", "ACCUSE",
     {"IGO"}, {"HRV"}),
    ("KYIV (Reuters) - Ukraine's human rights commissioner said prisoners had been subjected to electric shocks.",
     "ASSAULT", set(), {"UKR"}),
    # "the kingdom", "the country": a state named before, else the dateline's
    ("RIYADH (Reuters) - A $3 billion Saudi deposit has been rolled over, the finance minister said. The kingdom "
     "agreed to lift a cap on work visas for Pakistani labourers.", "AGREE", {"SAU"}, {"PAK"}),
    ("KATHMANDU (AFP) - India sent a relief flight on Sunday. Nepal's government said the country would request "
     "foreign rescue teams.", "REQUEST", {"NPL"}, set()),
    # session 9: a member suspended from a bloc, an envoy declared persona non grata, work stoppages,
    # blame laid on someone, a possibility ruled out, a position relayed, backing withheld on a
    # condition, a reminder of a duty, correspondents ordered out
    ("The African Union suspended Mali from all its decision-making bodies on Sunday.", "SANCTION", {"IGO"},
     {"MLI"}),
    ("Chad's foreign ministry declared a Sudanese embassy counsellor persona non grata.", "SANCTION", {"TCD"},
     {"SDN"}),
    ("Kenyan dockworkers began a stoppage on Monday over unpaid wages.", "PROTEST", {"KEN"}, set()),
    ("Zambian nurses walked off the job on Tuesday.", "PROTEST", {"ZMB"}, set()),
    ("Opposition leader Tom Okello laid the blame squarely on the World Bank.", "ACCUSE", set(), {"IGO"}),
    ("Chile's interior minister ruled out any pardon for the rioters.", "REJECT", {"CHL"}, set()),
    ("Ghana's navy relayed the tanker's position to Lome.", "COOPERATE", {"GHA"}, {"TGO"}),
    ("Germany said it would withhold its backing for the loan unless the reforms were passed.", "THREATEN", {"DEU"},
     set()),
    ("The ICC wrote to Nairobi on Friday, reminding Kenya of its duty to arrest him.", "REQUEST", {"IGO"}, {"KEN"}),
    ("Two French correspondents were ordered out of Niger on Monday.", "COERCE", set(), set()),
    # a relative pronoun stands for the act its noun names, and "the closures" are the last act of closing
    ("NAIROBI, March 3, 2025 (AP) - The Tanzanian authorities closed two border crossings on Friday. Kenya "
     "summoned Tanzania's envoy the next day to protest against the closures, which were also criticised by "
     "the East African Community.", "ACCUSE", {"IGO"}, {"TZA"}),
    # talks after which someone acted were that actor's; force used as a crowd acted is used on it
    ("LUSAKA, March 13, 2025 (Reuters) - Zambia's biggest union called off the strike on Wednesday after talks with "
     "the prime minister.", "CONSULT", {"ZMB"}, set()),
    ("KAMPALA, July 8, 2025 (Reuters) - Police fired tear gas as hundreds of opposition supporters tried to march "
     "on parliament.", "ASSAULT", {"UGA"}, {"UGA"}),
    # an envoy named after a comma the parser did not join is "the envoy" later
    ("BAMAKO, Oct. 16, 2025 (AFP) - The following day, the junta expelled the bloc's special envoy to Bamako, "
     "Ghanaian diplomat Kofi Mensah-Ababio. Junta spokesman Colonel Amadou Keita accused the envoy of holding "
     "secret meetings with opposition leaders.", "ACCUSE", set(), {"GHA"}),
    ("BUJUMBURA, Jan. 29, 2025 (Reuters) - Troops loyal to the president surrounded the camp with armoured "
     "vehicles.", "MOBILIZE", {"BDI"}, set()),
    ("Mali and Niger quit the regional bloc in January.", "SANCTION", {"MLI", "NER"}, set()),
    # a relative clause on a body's description is the body's act; "accused X, a ..., of arming" arms by X
    ("PORT HARCOURT, May 8, 2025 (Reuters) - The minister accused the Rivers Brotherhood, an armed group that blew "
     "up oil pipelines in the delta two years ago, of financing and arming the pirates.", "ASSAULT", {"NGA"},
     set()),
    ("PORT HARCOURT, May 8, 2025 (Reuters) - The minister accused the Rivers Brotherhood, an armed group that blew "
     "up oil pipelines in the delta two years ago, of financing and arming the pirates.", "AID", {"NGA"}, set()),
    # gunmen or pirates boarding a ship (one named after its flag too) hijack it; a coast guard seizes it
    ("LAGOS, May 8, 2025 (Reuters) - The Liberia-flagged Maren Star was boarded on Saturday south of Cotonou by "
     "gunmen who approached in two speedboats.", "ASSAULT", {"NGA"}, set()),
    ("ACCRA, May 8, 2025 (Reuters) - Ghana's coast guard boarded the trawler on Monday.", "COERCE", {"GHA"}, set()),
    # a judgement of a thing named before as someone's ("a warrant from the ICC") is aimed at its owner
    ("NAIROBI, July 8, 2025 (Reuters) - Kenya declined to arrest the visiting president on Monday, defying a "
     "warrant from the International Criminal Court. His government has always denied the charges, and on Monday "
     "its foreign ministry called the warrant \"a neo-colonial instrument\".", "ACCUSE", set(), {"IGO"}),
    # war declared on a state or an armed force is war
    ("KAMPALA, May 8, 2025 (Reuters) - The rebels declared war on the government army.", "ASSAULT", {"UGA"},
     {"UGA"}),
    # a release that comes of a raid is a rescue
    ("LAGOS, May 8, 2025 (Reuters) - Ghanaian naval commandos stormed a hijacked tanker on Wednesday, killing two "
     "pirates and freeing 14 sailors.", "AID", {"GHA"}, set()),
    # a release with nobody named: the authorities where it happened
    ("CONAKRY (Reuters) - Eleven of those detained were released without charge on Tuesday.", "RETREAT", {"GIN"},
     set()),
]

# (text, an event type that must not come out)
NEGATIVES = [
    ("Workers hung a banner at the gate.", "ASSAULT"),
    ("LAGOS, May 8, 2025 (Reuters) - \"We have declared war on the men who sponsor these criminals,\" she said.",
     "ASSAULT"),
    ("The rebels released two hostages on Friday after talks.", "AID"),
    ("The minister quit his job on Monday.", "SANCTION"),
    ("The minister reminded reporters of the 2019 floods.", "REQUEST"),
    ("The ministry said the suspension of the talks was regrettable.", "SANCTION"),
    # verbs of violence used of words
    ("The mines minister opened fire on the company in a televised address, accusing it of fraud.", "ASSAULT"),
    ("Russian officials fired back at Bucharest, calling the accusations NATO hysteria.", "ASSAULT"),
    ("Paraguay's foreign minister said Uruguay had abused its diplomatic immunity.", "ASSAULT"),
    ("The plan was subjected to a vote in parliament.", "ASSAULT"),
    ("The party ruled out a coalition with the nationalists.", "ACCUSE"),
    ("Assad has ruled Syria since 2000.", "ACCUSE"),
    ("The minister held the rebels responsible for the attack.", "COERCE"),
    ("The gangs held the highway hostage for years.", "COERCE"),
    ("LOME (Reuters) - The Patriotic Front for Renewal said it had not yet decided whether to take part in the vote.",
     "REJECT"),
    ("Rasulov accused Ashgabat of using gas as a political weapon.", "ASSAULT"),
    ("Workers walked out of the factory on Monday.", "REJECT"),
    ("The company removed the old equipment from the plant.", "COERCE"),
    ("The two agencies exchanged intelligence on the plot.", "RETREAT"),
    ("OUAGADOUGOU, Oct. 19, 2023 (Reuters) - The storm hit the town on Monday.", "ASSAULT"),
    ("She dragged her suitcase out of the station.", "COERCE"),
    ("He filed his taxes on time.", "ACCUSE"),
    ("LIMA (Reuters) - The interior ministry said police detained 20 people.", "ACCUSE"),
    ("Aid agencies have been bombarded with requests for help.", "ASSAULT"),
    ("Human Rights Watch called for an inquiry and for the release of the 12 people still held.", "RETREAT"),
    ("The company signed a contract with Boeing for 20 jets.", "SUPPORT"),
    ("The company released 14 new products.", "RETREAT"),
    ("The minister answered questions from reporters.", "THREATEN"),
    ("Critics pushed back against the plan.", "ASSAULT"),
    ("The president flew to Paris on Monday.", "MOBILIZE"),
    ("China pledged 30 million yuan in emergency aid.", "AID"),
    ("She boarded a plane to Paris on Monday.", "COERCE"),
    ("The two leaders engaged in a war of words over trade.", "ASSAULT"),
    ("The campaign released attack ads against the senator.", "ASSAULT"),
    ("The ministry handed the ambassador a letter of protest.", "PROTEST"),
    ("BUENOS AIRES (AFP) - The seizure drew a sharp protest from Beijing.", "PROTEST"),
    ("A police officer said the houses looked as if they had been carpet-bombed.", "ASSAULT"),
    ("The ministry provided no evidence for its claim.", "AID"),
    ("Police banned the rally in the capital.", "SANCTION"),
    ("The rebels released two hostages on Friday.", "AID"),
    ("The army turned back at the river.", "REJECT"),
    ("The president thanked the troops before flying home.", "CONSULT"),
    ("The coach trained the team for the final.", "MOBILIZE"),
    ("LIMA, May 14 (Reuters) - The Interior Ministry said police had detained 20 protesters.", "ACCUSE"),
    ("Asked whether Cambodian diplomats would be expelled, the spokeswoman said no decision had been taken.",
     "REQUEST"),
    ("The talks were productive, a spokesman said.", "CONSULT"),
    ("An earthquake struck southern Turkey on Monday.", "ASSAULT"),
    ("The storm left him homeless.", "ASSAULT"),
    ("The company returned 40 tonnes of grain to the port.", "RETREAT"),
    ("The boy returned home on Monday.", "RETREAT"),
    ("The minister left the meeting early.", "ASSAULT"),
    ("Relatives gathered on Wednesday demanding lists of the dead and wounded.", "ASSAULT"),
    ("Prisoners armed with pistols and machetes took over two cell blocks.", "AID"),
    ("Kenyan officials charged, without offering evidence, that the flights had carried weapons.", "AGREE"),
    ("The ministry offered no evidence for the claim.", "AGREE"),
    ("Malawi declared a state of emergency on Monday after an outbreak of cholera killed 40 people.", "COERCE"),
    ("Floods killed 40 people in Pakistan.", "ASSAULT"),
    ("Moscow and Pyongyang have neither confirmed nor denied the reports.", "REJECT"),
    ("U.S. officials declined to comment on the report.", "REJECT"),
    ("The minister said the meeting would focus on energy.", "CONSULT"),
    ("Apple fired its chief executive last year.", "ASSAULT"),
    ("The company will fight the ruling in court.", "ASSAULT"),
    ("Sales of electric cars rallied in March.", "PROTEST"),
    ("The government struck a deal with the unions.", "ASSAULT"),
    ("Prices of wheat hit a record high.", "ASSAULT"),
    ("The United States hosts a major air base on Guam.", "CONSULT"),
    ("The president signed the bill into law.", "SUPPORT"),
    ("The storm hit the coast of Florida.", "ASSAULT"),
    ("The prime minister met the target of cutting emissions.", "CONSULT"),
    ("The virus killed thousands of people in Brazil.", "ASSAULT"),
    ("The central bank will support the economy.", "AGREE"),
    ("Markets hit back after the sell-off.", "ASSAULT"),
    ("The defense minister demonstrated the new drone to reporters.", "PROTEST"),
    ("Sanctions hit Russia's economy hard.", "ASSAULT"),
    ("The company sent letters to its customers.", "AID"),
    ("The court dismissed the minister.", "REJECT"),
    ("The Iranian team beat Japan 2-1 in the final.", "ASSAULT"),
    ("KYIV (Reuters) - Ukrainian officials said talks with Poland went well.", "ASSAULT"),
    ("Iran and six world powers reached an agreement, ending 18 days of marathon talks in Vienna.", "SANCTION"),
    ("Russia committed war crimes in Bucha, investigators said.", "AGREE"),
    ("Germany closed all three Iranian consulates in protest at the execution of a dual national.", "PROTEST"),
    ("The ministry responded to questions from reporters on Monday.", "THREATEN"),
    ("Belarus launched military exercises near its border with Lithuania on Tuesday.", "COOPERATE"),
    ("The government took measures to curb inflation.", "SANCTION"),
    ("Unions called a general strike for Monday.", "REQUEST"),
    ("Experts said the economy would face headwinds next year.", "THREATEN"),
    ("The minister said the government would respond in writing.", "THREATEN"),
]


def _codes(parts) -> set:
    return {p.code for p in parts if p.code}


def _matches(doc, typ, actors, recipients) -> bool:
    for v in doc._.events or []:
        if v.event != typ:
            continue
        if actors <= _codes(v.actor) and recipients <= _codes(v.recipient):
            return True
    return False


def _describe(doc) -> str:
    return "; ".join(f"{v.event}[{v.trigger.text}] {sorted(_codes(v.actor))}->{sorted(_codes(v.recipient))}"
                     for v in doc._.events or [])


@pytest.fixture(scope="module")
def coded(nlp):
    docs = list(nlp.pipe(c[0] for c in CASES))
    negs = list(nlp.pipe(n[0] for n in NEGATIVES))
    return docs, negs


def test_table_covers_every_plover_type():
    from tidings.plover import EVENT_TYPES
    assert {c[1] for c in CASES} == set(EVENT_TYPES)
    assert len(CASES) + len(NEGATIVES) >= 150


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[0][:40] for c in CASES])
def test_event_table(coded, i):
    text, typ, actors, recipients = CASES[i]
    doc = coded[0][i]
    assert _matches(doc, typ, actors, recipients), f"{text}\n  want {typ} {sorted(actors)}->{sorted(recipients)}" \
                                                  f"\n  got  {_describe(doc)}"


@pytest.mark.parametrize("i", range(len(NEGATIVES)), ids=[n[0][:40] for n in NEGATIVES])
def test_negative_table(coded, i):
    text, typ = NEGATIVES[i]
    doc = coded[1][i]
    assert not any(v.event == typ for v in doc._.events or []), f"{text}\n  got {_describe(doc)}"


def test_match_trigger_reads_the_lexicon(nlp):
    doc = nlp("Israel threatened Hamas and arrested ten men.")
    rows = {t.lower_: events.match_trigger(t) for t in doc}
    assert rows["threatened"].event == "THREATEN"
    assert rows["arrested"].event == "COERCE" and rows["arrested"].mode == "arrest"
    assert rows["israel"] is None


def test_event_fields_and_place(nlp):
    doc = nlp("Hong Kong police fired tear gas at protesters in Admiralty on Wednesday.")
    ev = next(v for v in doc._.events if v.event == "ASSAULT")
    assert ev.trigger.text.startswith("fired")
    assert {p.code for p in ev.actor} == {"HKG"}
    assert ev.status == "asserted"  # decided later by the status stage, never here


def test_event_loc_of_objects_and_not_of_origins(nlp):
    doc = nlp("A nerve agent was used to poison a former Russian spy and his daughter in the English city of "
              "Salisbury.")
    ev = next(v for v in doc._.events if v.event == "ASSAULT")
    assert ev.event_loc["country_code"] == "GBR"
    doc = nlp("Announcing the strike from his resort in Florida, the president said it was necessary.")
    ev = next(v for v in doc._.events if v.event == "ASSAULT")
    assert ev.event_loc is None  # where it was announced, not where it struck
    doc = nlp("Russian forces shelled Kharkiv on Thursday.")
    assert doc._.events[0].event_loc["country_code"] == "UKR"


def test_talks_reported_from_a_party_capital_were_held_there(extract):
    rec = extract("YEREVAN, July 16, 2025 (AFP) - Iranian Foreign Minister Ali Karimi held talks with Armenian "
                  "officials on Wednesday.").to_dict()
    talks = next(e for e in rec["events"] if e["event"] == "CONSULT")
    assert talks["event_loc"]["country_code"] == "ARM"
    rec = extract("WASHINGTON, July 16, 2025 (AFP) - Iran and Armenia held talks on Wednesday.").to_dict()
    talks = next(e for e in rec["events"] if e["event"] == "CONSULT")
    assert talks["event_loc"] is None  # the dateline country is no party: no place


def test_event_loc_prefers_the_actors_country(nlp):
    doc = nlp("Syrian troops clashed with rival militias in Tripoli, Lebanon, on Sunday.")
    ev = next(v for v in doc._.events if v.event_loc)
    assert ev.event_loc["extracted_place"] == "Tripoli"
    assert ev.event_loc["country_code"] == "LBN"
    assert ev.event_loc["geonameid"] and ev.event_loc["lat"] is not None
    doc = nlp("Libyan militias clashed with government forces in Tripoli on Sunday.")
    ev = next(v for v in doc._.events if v.event == "ASSAULT")
    assert ev.event_loc["country_code"] == "LBY"


# ---- accuracy on the PLOVER gold-standard sentences (../shared/data), pinned ----------------
# The same measures as ../shared/eval/score_plover_gsr.py (type: some event has the gold type;
# type+actors: such an event's actor codes meet the gold source codes and, where gold names
# targets, its recipient codes meet them), computed in-process so the test stays fast.

GSR_TYPE_FLOOR = 0.865
GSR_ACTORS_FLOOR = 0.70
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
             "CRIME": "ASSAULT"}


def _gold_codes(x) -> set:
    items = x if isinstance(x, list) else [x] if x else []
    return {a.get("code") for a in items if isinstance(a, dict)}


def test_plover_gsr_scores_are_pinned(nlp):
    path = shared_path("data", "plover-gsr", "PLOVER_GSR_CAMEO.json")
    gold = [r for r in json.loads(path.read_text()) if r.get("event") != "DOCUMENT"]
    n = typ = actors = 0
    for g, doc in zip(gold, nlp.pipe(r["text"] for r in gold)):
        want = OLD_NAMES.get(g["event"], g["event"])
        src, tgt = _gold_codes(g.get("source")), _gold_codes(g.get("target"))
        same = [v for v in doc._.events or [] if v.event == want]
        n += 1
        typ += bool(same)
        actors += any(_codes(v.actor) & src and (not tgt or _codes(v.recipient) & tgt) for v in same)
    assert n == 322
    assert typ / n >= GSR_TYPE_FLOOR, f"type {typ / n:.3f} fell below {GSR_TYPE_FLOOR}"
    assert actors / n >= GSR_ACTORS_FLOOR, f"type+actors {actors / n:.3f} fell below {GSR_ACTORS_FLOOR}"


def test_a_place_the_ner_took_for_a_person_after_in(nlp):
    doc = nlp("Thailand and Cambodia will hold border talks in Siem Reap next week.")
    talks = next(v for v in doc._.events if v.event in ("CONSULT", "AGREE"))
    assert talks.event_loc["country_code"] == "KHM"


def test_a_purpose_clause_takes_its_verb_s_time_and_status(nlp):
    doc = nlp("HANOI, May 8, 2025 (Reuters) - Indonesian President Hendra Wirawan arrived on Wednesday. Wirawan will "
              "travel to Ho Chi Minh City on Friday to meet business leaders.")
    meet = next(v for v in doc._.events if v.trigger.text == "meet")
    assert meet.date == "2025-05-09" and meet.status == "future"


def test_an_announced_concession_is_dated_by_its_announcement(extract):
    rec = extract("ANKARA, July 21, 2025 (Reuters) - The Kurdistan Workers Party (PKK), which announced in May that "
                  "it would lay down its arms, said it had nothing to do with the attack.").to_dict()
    concede = next(e for e in rec["events"] if e["event"] == "CONCEDE")
    assert concede["date"] == "2025-05"


def test_ethnic_people_are_coded_where_they_live_not_by_their_name(nlp):
    doc = nlp("Ethnic Albanians in south Serbia are demanding a U.N. military presence.")
    ev = next(v for v in doc._.events if v.event == "REQUEST")
    assert {p.code for p in ev.actor} == {"SRB"}


def test_a_participle_on_a_party_takes_the_time_of_the_event_it_is_part_of(extract):
    rec = extract("COLOMBO, April 22, 2026 (AP) - Police fired tear gas on Tuesday at thousands of students "
                  "marching on parliament.").to_dict()
    (march,) = [e for e in rec["events"] if e["event_text"] == "marching"]
    assert march["event"] == "PROTEST" and march["date"] == "2026-04-21"


def test_a_condition_s_subject_must_be_a_party_of_the_clause(nlp):
    """"if cooperation by all parties founders, Dutch Foreign Minister X said": the speaker after
    the comma is not the one the threat is aimed at."""
    doc = nlp("The European Community may halt mediation efforts among Serbia's feuding republics if cooperation by "
              "all parties founders, Dutch Foreign Minister Hans Van den Broek said on Tuesday.")
    threats = [v for v in doc._.events if v.event == "THREATEN"]
    assert threats and all("NLD" not in _codes(v.recipient) for v in threats)


def test_troops_sent_to_a_village_the_gazetteer_lacks_are_deployed_in_the_dateline_country(extract):
    rec = extract("MAPUTO, Oct. 14, 2025 (Reuters) - Rwanda flew reinforcements to Quissanga by helicopter on "
                  "Sunday.").to_dict()
    (move,) = [e for e in rec["events"] if e["event"] == "MOBILIZE"]
    assert move["event_loc"]["country_code"] == "MOZ" and move["event_loc"]["extracted_place"] == "Quissanga"
    assert move["date"] == "2025-10-12"



def test_the_summoner_protests(nlp):
    # "summoned Russia's ambassador to protest": Romania protests, not the ambassador
    doc = nlp("Romania summoned Russia's ambassador on Wednesday to protest against the attack.")
    protest = next(v for v in doc._.events if v.trigger.text == "protest")
    assert {p.code for p in protest.actor} == {"ROU"}


def test_a_team_sent_by_a_body_is_aid_where_it_arrived(extract):
    rec = extract("BLANTYRE, Feb. 17, 2025 (AP) - A team of 10 epidemiologists sent by the World Health Organization "
                  "arrived in Blantyre on Saturday.").to_dict()
    (aid,) = [e for e in rec["events"] if e["event"] == "AID"]
    assert {a["code"] for a in aid["actor"]} == {"UNO"} and (aid["event_loc"] or {}).get("country_code") == "MWI"


def test_a_participle_the_parser_took_for_the_verb_has_its_agent_for_actor(extract):
    rec = extract("BISHKEK, Oct. 8, 2024 (AFP) - Talks in Almaty mediated by the Shanghai Cooperation Organisation "
                  "(SCO) collapsed on Sept. 25 after three days of haggling.").to_dict()
    (talks,) = [e for e in rec["events"] if e["event"] == "CONSULT"]
    assert {a["code"] for a in talks["actor"]} == {"IGO"}  # not "Almaty", the parser's subject
    assert (talks["event_loc"] or {}).get("country_code") == "KAZ"
