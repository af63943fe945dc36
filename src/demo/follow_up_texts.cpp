#include "demo/follow_up_texts.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

namespace styr::demo {

namespace {

using domain::Assessment;
using domain::Topic;

constexpr std::array<std::string_view, 12> kMonths{"januari",   "februari", "mars",     "april",
                                                   "maj",       "juni",     "juli",     "augusti",
                                                   "september", "oktober",  "november", "december"};

std::string decimal(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  for (char& c : text) {
    if (c == '.') c = ',';
  }
  return text;
}

// 48200 -> "48 200": Swedish groups thousands with a space.
std::string grouped(long long value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string text;
  for (std::size_t idx = 0; idx < digits.size(); ++idx) {
    if (idx > 0 && (digits.size() - idx) % 3 == 0) text += ' ';
    text += digits[idx];
  }
  return value < 0 ? "-" + text : text;
}

std::string millions(double sek) {
  return decimal(std::fabs(sek) / 1e6, 1) + " mnkr";
}

const std::string& pick(SplitMix64& rng, const std::vector<std::string>& texts) {
  return rng.pick(texts);
}

// A sentence that may end the text, or a space and the next one.
std::string joined(std::initializer_list<std::string> parts) {
  std::string text;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!text.empty()) text += ' ';
    text += part;
  }
  return text;
}

// Long sentences are split over lines; clang-tidy takes the joins for missing commas.
// NOLINTBEGIN(bugprone-suspicious-missing-comma)

const std::vector<std::string>& fulfilledComments() {
  static const std::vector<std::string> texts{
      "Arbetet går enligt plan.",
      "Genomfört enligt plan och redovisat på arbetsplatsträffen.",
      "Aktiviteterna är genomförda och vi följer effekten under resten av året.",
      "Vi ligger något före tidplanen.",
      "Arbetssättet har blivit en del av det ordinarie arbetet.",
      "Resultatet är stabilt och i nivå med förra perioden.",
      "Alla arbetslag har genomfört sin del.",
      "Klart. Vi fortsätter att följa upp det i den ordinarie verksamhetsuppföljningen.",
      "Arbetet är genomfört tillsammans med medarbetarna och skyddsombudet.",
      "Målet nås, och medarbetarna upplever att arbetssättet fungerar bra.",
      "Uppdraget är genomfört inom budget.",
      "Det som planerades för perioden är gjort.",
      "Vi har följt planen och ser redan en förbättring i vardagen.",
      "Genomfört. Erfarenheterna delas med de andra arbetslagen.",
      "Arbetet är klart och har tagits emot väl av dem det berör.",
      "Alla planerade aktiviteter är genomförda, och vi fortsätter med arbetssättet.",
      "Målnivån är nådd med god marginal.",
      "Uppdraget följer planen; nästa steg tas under kommande period.",
      "Genomfört som planerat, med stöd av verksamhetsutvecklarna.",
      "Medarbetarna har varit delaktiga, och arbetet fungerar nu av sig självt.",
  };
  return texts;
}

const std::vector<std::string>& partlyOpenings() {
  static const std::vector<std::string> texts{
      "Arbetet har kommit igång men ligger efter tidplanen.",
      "Delar av uppdraget är genomförda, men inte alla arbetslag har kommit lika långt.",
      "Vi når en bit på vägen men inte hela målet för perioden.",
      "Ungefär hälften av de planerade aktiviteterna är genomförda.",
      "Arbetet fungerar på de flesta håll men har stannat av i ett par arbetslag.",
      "Planeringen är klar men genomförandet har dragit ut på tiden.",
      "Det som är genomfört ger effekt, men takten är för låg för att målet ska nås i tid.",
      "Vi har tagit de första stegen, men uppföljningen av dem är ännu inte på plats.",
  };
  return texts;
}

const std::vector<std::string>& notFulfilledOpenings() {
  static const std::vector<std::string> texts{
      "Målet nås inte för perioden.",
      "Arbetet har inte kommit igång som planerat.",
      "Uppdraget har inte kunnat genomföras under perioden.",
      "Vi har inte nått de delmål som sattes för perioden.",
      "Utvecklingen går åt fel håll, och avvikelsen har ökat sedan förra uppföljningen.",
      "Trots insatserna under perioden är vi långt från målnivån.",
  };
  return texts;
}

const std::vector<std::string>& causes() {
  static const std::vector<std::string> texts{
      "Hög sjukfrånvaro under perioden har gjort att utvecklingsarbetet fått stå tillbaka för "
      "den dagliga verksamheten.",
      "Två tjänster har varit vakanta under större delen av perioden och har varit svåra att "
      "rekrytera till.",
      "Införandet av ett nytt verksamhetssystem har tagit mer tid än beräknat.",
      "Fler ärenden än väntat har tagit medarbetarnas tid.",
      "Ett chefsbyte under perioden gjorde att arbetet tappade fart.",
      "Leveransen från en upphandlad leverantör har blivit försenad.",
      "Lokalfrågan är inte löst, och det begränsar vad vi kan göra.",
      "För att hålla budgeten har vi skjutit upp delar av arbetet.",
      "Samverkan med andra enheter har tagit längre tid att få på plats än vi räknade med.",
      "Behoven har ökat snabbare än vi har kunnat ställa om verksamheten.",
      "Personalomsättningen har varit hög, och nya medarbetare behöver tid att komma in i "
      "arbetet.",
      "Kompetensutvecklingen som arbetet bygger på blev flyttad till senare i år.",
      "Vi underskattade hur mycket tid kartläggningen skulle ta.",
      "Ombyggnaden av lokalerna har stört verksamheten under perioden.",
  };
  return texts;
}

std::vector<std::string> outlooks(unsigned period_month) {
  std::vector<std::string> texts{
      "Risken är stor att målet inte nås för helåret.",
      "Effekten av åtgärderna syns tidigast i nästa uppföljning.",
      "Vi följer utvecklingen varje månad och rapporterar nya avvikelser direkt.",
      "Vi har stämt av läget med närmaste chef och prioriterat om arbetet.",
      "Bedömningen är att vi når målet, men senare än planerat.",
  };
  if (period_month <= 9) {
    texts.emplace_back("Med åtgärderna nedan räknar vi med att vara i fas före årets slut.");
    texts.emplace_back("Vi bedömer att målet kan nås under hösten om bemanningen stabiliseras.");
  } else {
    texts.emplace_back(
        "Med åtgärderna nedan räknar vi med att vara i fas under första halvåret "
        "nästa år.");
    texts.emplace_back("Om inget förändras behöver uppdraget omprövas inför nästa år.");
  }
  return texts;
}

std::vector<std::string> cannotReasons(unsigned period_month) {
  std::vector<std::string> texts{
      "Mätningen görs först senare under året, så det finns inget utfall för perioden ännu.",
      "Underlaget från det nationella registret publiceras först efter periodens slut.",
      "Mätmetoden har ändrats i år, och resultatet går inte att jämföra med målet.",
      "Uppgifterna för perioden är ofullständiga efter bytet av verksamhetssystem.",
      "Resultatet bygger på en enkät som ännu inte är sammanställd.",
      "Det finns för få ärenden under perioden för att resultatet ska säga något.",
  };
  if (period_month < 9) texts.emplace_back("Arbetet startar enligt plan först under hösten.");
  return texts;
}

const std::vector<std::string>& generalActions() {
  static const std::vector<std::string> texts{
      "Ta fram en reviderad tidplan och stäm av den med närmaste chef varje månad",
      "Rekrytera vikarier till de vakanta tjänsterna",
      "Omfördela resurser mellan arbetslagen under resten av året",
      "Gör en fördjupad analys av orsakerna tillsammans med HR",
      "Inför veckovis uppföljning i ledningsgruppen",
      "Ta fram en handlingsplan tillsammans med skyddsombud och medarbetare",
      "Se över arbetsfördelningen och schemaläggningen",
      "Prioritera om aktiviteterna och skjut upp det som inte är nödvändigt i år",
      "Utbilda berörda medarbetare i det nya arbetssättet",
      "Stäm av läget med ekonomienheten och ta fram en plan för budget i balans",
      "Avsätt tid på varje arbetsplatsträff för att följa upp arbetet",
      "Ta in extern kompetens för att slutföra kartläggningen",
      "Samordna arbetet med berörda enheter i en gemensam arbetsgrupp",
  };
  return texts;
}

// Actions suited to what an indicator measures, by the demo's indicator codes.
const std::map<std::string_view, std::vector<std::string>>& indicatorActions() {
  static const std::map<std::string_view, std::vector<std::string>> texts{
      {"BEHORIGHET",
       {"Sätt in extra studiestöd i svenska och matematik för elever i årskurs 9",
        "Följ upp varje elev som riskerar att inte bli behörig vid varje betygsavstämning"}},
      {"FORSKOLEKO",
       {"Öppna en tillfällig avdelning inför vårens inskolning",
        "Samordna lediga platser med grannområdena varje vecka"}},
      {"NKI-SABO", {"Gå igenom brukarundersökningen med de boende och deras närstående"}},
      {"VANTETID-SABO", {"Inför veckovis platsplanering med biståndshandläggningen"}},
      {"ENERGI", {"Se över ventilationens drifttider tillsammans med fastighetsförvaltningen"}},
      {"FOSSILFRIA-FORDON", {"Byt ut de fossildrivna fordonen när leasingavtalen går ut"}},
      {"EKOLIVSMEDEL",
       {"Byt till ekologiska basvaror i nästa beställning",
        "Följ upp andelen ekologiska inköp varje månad med upphandlingsenheten"}},
      {"UTREDNINGSTID-BOU",
       {"Inför veckovisa ärendegenomgångar för utredningar som passerat tre månader"}},
      {"HANDLAGGNING-BYGGLOV",
       {"Inför digital begäran om komplettering och en veckovis ärendegenomgång"}},
      {"SJUKFRANVARO",
       {"Följ upp upprepad korttidsfrånvaro med hälsosamtal tillsammans med HR",
        "Gör en riskbedömning av arbetsbelastningen tillsammans med skyddsombudet"}},
      {"HME", {"Ta fram en handlingsplan utifrån medarbetarenkäten på nästa arbetsplatsträff"}},
      {"RESULTAT",
       {"Ta fram en åtgärdsplan för budget i balans tillsammans med ekonomienheten",
        "Pröva varje återbesättning av tjänst i ledningsgruppen"}},
      {"KOSTNAD-HEMTJANST", {"Se över körvägar och besöksplanering i planeringsverktyget"}},
      {"EPOST-SVAR", {"Inför daglig bevakning av funktionsbrevlådan med en utsedd ansvarig"}},
  };
  return texts;
}

const std::vector<std::string>& deficitCauses() {
  static const std::vector<std::string> texts{
      "högre kostnader för vikarier än budgeterat",
      "ökade livsmedelspriser",
      "fler placeringar än budgeterat",
      "ökade energi- och hyreskostnader",
      "reparationer som inte var budgeterade",
      "lägre intäkter från avgifter",
      "volymökningar som inte är finansierade",
  };
  return texts;
}

std::string financesText(const Voice& voice, const TopicFacts& facts, SplitMix64& rng) {
  double outcome = facts.result_sek ? *facts.result_sek : rng.between(-900, 600) * 1000.0;
  std::string first;
  if (std::fabs(outcome) < 50'000) {
    first = std::string(voice.subject) + " redovisar ett resultat i nivå med budget för perioden.";
  } else {
    first = std::string(voice.subject) + " redovisar ett " +
            (outcome > 0 ? "överskott" : "underskott") + " mot budget på " + millions(outcome) +
            " för perioden.";
  }
  std::string forecast;
  if (outcome < -300'000) {
    double year_end =
        outcome * (12.0 / std::max(1U, facts.period_month)) * (rng.between(60, 100) / 100.0);
    if (facts.brief) {
      return joined({first, "Helårsprognosen är ett underskott på " + millions(year_end) + "."});
    }
    forecast = "Prognosen för helåret är ett underskott på " + millions(year_end) +
               ", främst på grund av " + pick(rng, deficitCauses()) + ".";
    if (rng.chance(600)) {
      forecast += " En åtgärdsplan för att minska kostnaderna har tagits fram.";
    }
  } else {
    if (facts.brief && rng.chance(600)) return first;
    static const std::vector<std::string> balanced{
        "Helårsprognosen är en budget i balans.",
        "Prognosen för helåret är ett mindre överskott.",
        "Vi räknar med att hålla budgeten för helåret.",
        "Helårsprognosen är oförändrad sedan förra uppföljningen.",
    };
    forecast = pick(rng, balanced);
  }
  return joined({first, forecast});
}

std::string staffText(const Voice& voice, const TopicFacts& facts, SplitMix64& rng) {
  std::string sick;
  if (facts.sick_leave) {
    sick = "Sjukfrånvaron var " + formatMeasure(*facts.sick_leave, "%") + " under perioden";
    if (facts.sick_leave_target) {
      bool below = *facts.sick_leave <= *facts.sick_leave_target;
      sick += std::string(below ? ", under" : ", över") + " målet på " +
              formatMeasure(*facts.sick_leave_target, "%");
    }
    sick += ".";
  }
  std::vector<std::string> texts{
      "Två tjänster är vakanta och rekrytering pågår.",
      "Personalomsättningen är låg och alla tjänster är tillsatta.",
      "Rekryteringen av legitimerad personal är fortsatt svår.",
      "Korttidsfrånvaron har minskat sedan vi införde hälsosamtal.",
      std::string(voice.subject) + " har genomfört arbetsmiljöronden utan allvarliga brister.",
      "Medarbetarnas arbetsbelastning följs upp på varje arbetsplatsträff.",
  };
  if (facts.period_month >= 8) {
    texts.emplace_back("Sommarens bemanning fungerade med hjälp av semestervikarier.");
  } else {
    texts.emplace_back("Planeringen av sommarens bemanning pågår.");
  }
  if (facts.period_month <= 9) {
    texts.emplace_back("Medarbetarenkäten genomförs i september.");
  }
  std::string first = pick(rng, texts);
  if (!sick.empty()) return facts.brief && rng.chance(500) ? sick : joined({sick, first});
  if (facts.brief) return first;
  std::string second = pick(rng, texts);
  return second == first ? first : joined({first, second});
}

std::string operationsText(const Voice& voice, const TopicFacts& facts, SplitMix64& rng) {
  std::string subject(voice.subject);
  std::vector<std::string> texts{
      "Verksamheten har bedrivits enligt plan under perioden.",
      subject + " har haft fler ärenden än under motsvarande period förra året.",
      "Efterfrågan har varit stabil, och vi har kunnat ta emot alla som sökt sig till oss.",
      "Ett nytt arbetssätt för planering infördes under perioden och fungerar väl.",
      "Samverkan med andra enheter har utvecklats, bland annat genom gemensamma "
      "ärendegenomgångar.",
      "Den digitala tjänsten som infördes i våras används av allt fler.",
      subject +
          " har påverkats av renoveringen av lokalerna men verksamheten har kunnat "
          "bedrivas som vanligt.",
      "Inga allvarliga avvikelser eller klagomål har kommit in under perioden.",
  };
  std::string first = pick(rng, texts);
  std::string closing;
  int deviations = facts.assessed[static_cast<std::size_t>(Assessment::partly_fulfilled)] +
                   facts.assessed[static_cast<std::size_t>(Assessment::not_fulfilled)];
  if (facts.brief) {
    if (deviations > 0 && rng.chance(400)) closing = "Avvikelserna beskrivs under uppdragen.";
    return joined({first, closing});
  }
  std::string second = pick(rng, texts);
  if (deviations > 0) closing = "Avvikelserna beskrivs med åtgärder under respektive uppdrag.";
  return second == first ? joined({first, closing}) : joined({first, second, closing});
}

std::string qualityText(const Voice& voice, const TopicFacts& facts, SplitMix64& rng) {
  if (facts.items == 0) {
    static const std::vector<std::string> texts{
        "har inga egna mål eller uppdrag i denna uppföljning; kvaliteten följs upp i den "
        "ordinarie verksamhetsuppföljningen.",
        "har inga mål att redovisa i denna uppföljning. Inga avvikelser i kvaliteten har "
        "rapporterats.",
    };
    return std::string(voice.subject) + " " + pick(rng, texts);
  }
  auto count = [&](Assessment assessment) {
    return facts.assessed[static_cast<std::size_t>(assessment)];
  };
  // "mål och uppdrag" are neuter: one is "uppfyllt", several "uppfyllda".
  auto judged = [&](Assessment assessment, std::string_view how) {
    int n = count(assessment);
    return std::to_string(n) + " som " + std::string(how) + (n == 1 ? "uppfyllt" : "uppfyllda");
  };
  std::string text = "Av " + std::string(voice.possessive) + " " + std::to_string(facts.items) +
                     " mål och uppdrag i uppföljningen bedöms " + judged(Assessment::fulfilled, "");
  std::vector<std::string> rest;
  if (count(Assessment::partly_fulfilled) > 0) {
    rest.push_back(judged(Assessment::partly_fulfilled, "delvis "));
  }
  if (count(Assessment::not_fulfilled) > 0) {
    rest.push_back(judged(Assessment::not_fulfilled, "inte "));
  }
  if (count(Assessment::cannot_be_assessed) > 0) {
    rest.push_back(std::to_string(count(Assessment::cannot_be_assessed)) +
                   " går inte att bedöma ännu");
  }
  for (std::size_t idx = 0; idx < rest.size(); ++idx) {
    text += idx + 1 == rest.size() ? " och " : ", ";
    text += rest[idx];
  }
  text += ".";
  if (facts.brief) return text;
  static const std::vector<std::string> closings{
      "",
      "Bedömningarna redovisas per uppdrag.",
      "Måluppfyllelsen är i stort sett densamma som vid förra uppföljningen.",
      "Det systematiska kvalitetsarbetet följer årshjulet.",
  };
  return joined({text, pick(rng, closings)});
}

std::string internalControlText(const Voice& voice, const TopicFacts& facts, SplitMix64& rng) {
  static const std::vector<std::string> areas{
      "attestrutinen",
      "hanteringen av personuppgifter",
      "inköp utanför avtal",
      "uppföljningen av behörigheter i verksamhetssystemet",
      "dokumentationen av delegationsbeslut",
  };
  std::string text = facts.brief ? "Kontrollerna för perioden är genomförda"
                                 : "Kontrollerna i internkontrollplanen för perioden är genomförda";
  if (rng.chance(700)) {
    text += " utan avvikelser.";
  } else {
    text += ". En avvikelse i " + pick(rng, areas) + " har åtgärdats" +
            (facts.brief ? "." : " och följs upp i nästa kontroll.");
  }
  if (!facts.brief && rng.chance(300)) {
    text += " " + std::string(voice.subject) + " har gått igenom rutinerna med medarbetarna.";
  }
  return text;
}

// NOLINTEND(bugprone-suspicious-missing-comma)

std::string measuredSentence(const MeasuredResult& measured) {
  return "Utfallet för perioden är " + formatMeasure(measured.value, measured.unit_of_measure) +
         " mot målet " + formatMeasure(measured.target, measured.unit_of_measure) + ".";
}

std::string comparedSentence(const MeasuredResult& measured) {
  if (!measured.previous) return {};
  return std::string(measured.better_than_before ? "Det är bättre än" : "Det är sämre än") +
         " föregående period (" + formatMeasure(*measured.previous, measured.unit_of_measure) +
         ").";
}

}  // namespace

Voice voiceOf(domain::UnitKind kind) {
  switch (kind) {
    case domain::UnitKind::workplace:
      return {"Arbetsplatsen", "arbetsplatsens"};
    case domain::UnitKind::sector:
      return {"Sektorn", "sektorns"};
    case domain::UnitKind::chief_executive_office:
      return {"Förvaltningen", "förvaltningens"};
    case domain::UnitKind::executive_board:
      return {"Kommunstyrelsen", "kommunstyrelsens"};
    case domain::UnitKind::committee:
    case domain::UnitKind::drafting_committee:
      return {"Nämnden", "nämndens"};
    case domain::UnitKind::council:
      return {"Fullmäktige", "fullmäktiges"};
    case domain::UnitKind::company:
      return {"Bolaget", "bolagets"};
    case domain::UnitKind::unit:
      break;
  }
  return {"Enheten", "enhetens"};
}

Voice personalVoice() {
  return {"Jag", "mina"};
}

std::string formatMeasure(double value, std::string_view unit_of_measure) {
  if (unit_of_measure == "%") return decimal(value, 1) + " %";
  if (unit_of_measure == "‰") return decimal(value, 1) + " ‰";
  if (unit_of_measure == "kr") {
    if (std::fabs(value) >= 1e6) return (value < 0 ? "-" : "") + millions(value);
    return grouped(std::llround(value)) + " kr";
  }
  if (unit_of_measure == "index")
    return "index " + decimal(value, value == std::round(value) ? 0 : 1);
  if (unit_of_measure == "kWh") return grouped(std::llround(value)) + " kWh";
  if (unit_of_measure == "dagar") return grouped(std::llround(value)) + " dagar";
  if (unit_of_measure == "antal") return grouped(std::llround(value));
  return decimal(value, 1) + " " + std::string(unit_of_measure);
}

std::string fulfilledComment(SplitMix64& rng, const std::optional<MeasuredResult>& measured) {
  if (measured) return joined({measuredSentence(*measured), comparedSentence(*measured)});
  if (rng.chance(450)) return {};
  return pick(rng, fulfilledComments());
}

std::string shortfallAnalysis(domain::Assessment assessment, unsigned period_month, SplitMix64& rng,
                              const std::optional<MeasuredResult>& measured) {
  std::string opening;
  if (measured) {
    opening = joined({measuredSentence(*measured), comparedSentence(*measured)});
  } else {
    opening = pick(
        rng, assessment == Assessment::not_fulfilled ? notFulfilledOpenings() : partlyOpenings());
  }
  std::string cause = pick(rng, causes());
  std::string outlook = rng.chance(500) ? pick(rng, outlooks(period_month)) : std::string();
  return joined({opening, cause, outlook});
}

std::string lateDeliverableAnalysis(std::string_view deliverable, const domain::Date& due,
                                    SplitMix64& rng) {
  auto month = static_cast<unsigned>(due.month());
  std::string text = "Leveransen ”" + std::string(deliverable) + "” skulle vara klar i " +
                     std::string(kMonths[month - 1]) + " men är inte färdig.";
  return joined({text, pick(rng, causes())});
}

std::string cannotBeAssessedReason(unsigned period_month, SplitMix64& rng) {
  return pick(rng, cannotReasons(period_month));
}

std::string notMeasuredReason(std::string_view indicator_name, SplitMix64& rng) {
  static const std::vector<std::string> endings{
      "utfallet redovisas i en senare uppföljning.",
      "vi bedömer uppdraget när nästa mätning finns.",
      "det finns ännu inget annat underlag som visar hur det går.",
  };
  return "Nyckeltalet ”" + std::string(indicator_name) + "” mäts inte för perioden, och " +
         pick(rng, endings);
}

std::string notStartedReason(const domain::Date& issued_on, SplitMix64& rng) {
  static const std::vector<std::string> endings{
      "arbetet har ännu inte startat.",
      "vi har inte hunnit planera genomförandet.",
      "det saknas ännu en plan för genomförandet.",
  };
  auto month = static_cast<unsigned>(issued_on.month());
  return "Uppdraget kom till oss i " + std::string(kMonths[month - 1]) + ", och " +
         pick(rng, endings);
}

std::string actionDescription(std::string_view indicator, bool first, std::string_view avoid,
                              SplitMix64& rng) {
  if (first && !indicator.empty()) {
    auto found = indicatorActions().find(indicator);
    if (found != indicatorActions().end()) return pick(rng, found->second);
  }
  for (;;) {
    const std::string& text = pick(rng, generalActions());
    if (text != avoid) return text;
  }
}

std::string topicText(domain::Topic topic, const Voice& voice, const TopicFacts& facts,
                      SplitMix64& rng) {
  switch (topic) {
    case Topic::finances:
      return financesText(voice, facts, rng);
    case Topic::staff:
      return staffText(voice, facts, rng);
    case Topic::operations:
      return operationsText(voice, facts, rng);
    case Topic::quality_goals:
      return qualityText(voice, facts, rng);
    case Topic::internal_control:
      return internalControlText(voice, facts, rng);
  }
  return {};
}

std::string thinAnalysis(SplitMix64& rng) {
  static const std::vector<std::string> texts{"Arbetet pågår.", "Vi arbetar vidare med detta.",
                                              "Det har inte gått som vi tänkt."};
  return pick(rng, texts);
}

std::string thinAction() {
  return "Fortsätta arbetet";
}

std::string returnReason(std::string_view item_title, SplitMix64& rng) {
  static const std::vector<std::string> endings{
      "Komplettera med orsakerna och en konkret åtgärd med ansvarig och datum.",
      "Beskriv orsakerna och vad ni gör, vem som ansvarar och när det ska vara klart.",
  };
  return "Analysen av ”" + std::string(item_title) +
         "” förklarar inte varför målet inte nås, och åtgärden säger inte vad som ska göras. " +
         pick(rng, endings);
}

}  // namespace styr::demo
