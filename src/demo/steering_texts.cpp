#include "demo/steering_texts.hpp"

namespace styr::demo {

namespace {

using domain::ItemKind;
using enum UnitType;

std::vector<MandateGoalText> makeThemes() {
  return {
      {.kind = ItemKind::goal,
       .title = "Alla barn och elever ska nå kunskapsmålen",
       .description = "Förskola och skola ger varje barn och elev förutsättningar att utvecklas så "
                      "långt som möjligt och att lämna grundskolan med behörighet till gymnasiet.",
       .budget_goals =
           {
               {.kind = ItemKind::goal,
                .title = "Andelen elever i årskurs 9 som är behöriga till gymnasiet ska öka",
                .description = "Behörigheten till gymnasiets yrkesprogram ska öka i alla skolor, "
                               "och skillnaderna mellan skolorna ska minska.",
                .indicators = {"BEHORIGHET"},
                .assignments =
                    {
                        {.title = "Stärk elevernas läs-, skriv- och matematikförmåga i grundskolan",
                         .description = "Tidiga insatser i läsning, skrivning och matematik är den "
                                        "viktigaste förutsättningen för behörighet i årskurs 9.",
                         .unit_title = "Stärk elevernas läs-, skriv- och matematikförmåga",
                         .activities =
                             {"Kartlägg elevernas läsförmåga i årskurs 1–3 och sätt in stöd tidigt",
                              "Inför strukturerad matematikundervisning med kollegialt lärande",
                              "Följ upp resultaten i varje klass efter varje termin",
                              "Genomför läsfrämjande insatser tillsammans med skolbiblioteket"},
                         .scope = {compulsory_school, special_school},
                         .indicator = "BEHORIGHET"},
                        {.title = "Utveckla elevhälsans förebyggande och hälsofrämjande arbete",
                         .description = "Elevhälsan ska arbeta främst förebyggande och nå elever "
                                        "med hög frånvaro tidigt.",
                         .unit_title = "Utveckla det förebyggande elevhälsoarbetet",
                         .activities =
                             {"Genomför hälsosamtal med alla elever i årskurs 4 och 7",
                              "Inför en rutin för att följa upp elevers frånvaro varje vecka",
                              "Samverka med socialtjänsten om elever i behov av stöd"},
                         .scope = {student_health, compulsory_school},
                         .deliverable = "Rutin för frånvarouppföljning i alla skolor",
                         .deliverable_month = 6},
                    }},
               {.kind = ItemKind::quality_requirement,
                .title = "Alla barn ska erbjudas förskoleplats inom fyra månader",
                .description = "Vårdnadshavare som ansöker om förskoleplats ska erbjudas plats "
                               "inom den tid skollagen anger, nära hemmet.",
                .indicators = {"FORSKOLEKO"},
                .assignments =
                    {
                        {.title = "Säkra tillgången till förskoleplatser i hela kommunen",
                         .description = "Platsplaneringen ska följa befolkningsprognosen så att "
                                        "ingen väntar längre än fyra månader.",
                         .unit_title = "Säkra förskoleplatserna i området",
                         .activities =
                             {"Planera platser inför höstens inskolning",
                              "Rapportera lediga platser varje vecka till placeringsfunktionen",
                              "Se över barngruppernas storlek inför nästa läsår"},
                         .scope = {preschool_area, open_preschool},
                         .indicator = "FORSKOLEKO"},
                    }},
           }},
      {.kind = ItemKind::goal,
       .title = "Äldre och personer med funktionsnedsättning ska få en trygg och värdig omsorg",
       .description = "Omsorgen utgår från den enskildes behov och önskemål och ges med "
                      "kontinuitet och av kunnig personal.",
       .budget_goals =
           {
               {.kind = ItemKind::goal,
                .title = "De boende i särskilt boende ska vara nöjda med sin omsorg",
                .description =
                    "Den nationella brukarundersökningens helhetsbedömning ska förbättras.",
                .indicators = {"NKI-SABO"},
                .assignments =
                    {
                        {.title = "Stärk de boendes delaktighet och inflytande i vardagen",
                         .description = "De som bor i kommunens boenden ska kunna påverka hur "
                                        "stödet ges och hur vardagen ser ut.",
                         .unit_title = "Stärk de boendes delaktighet i vardagen",
                         .activities =
                             {"Gör genomförandeplanen tillsammans med varje boende och närstående",
                              "Inför boenderåd två gånger per termin",
                              "Erbjud aktiviteter utomhus varje vecka",
                              "Följ upp måltidsmiljön tillsammans med de boende"},
                         .scope = {nursing_home, short_term_care, disability_housing,
                                   daily_activity},
                         .indicator = "NKI-SABO"},
                        {.title = "Öka kontinuiteten i hemtjänsten med fast omsorgskontakt",
                         .description = "Varje brukare i hemtjänsten ska ha en fast omsorgskontakt "
                                        "och möta så få olika medarbetare som möjligt.",
                         .unit_title = "Inför fast omsorgskontakt för varje brukare",
                         .activities =
                             {"Utse fast omsorgskontakt för varje brukare",
                              "Minska antalet olika medarbetare per brukare under en "
                              "tvåveckorsperiod",
                              "Inför ett introduktionsprogram för nyanställda undersköterskor"},
                         .scope = {home_care, home_health},
                         .deliverable = "Redovisning av personalkontinuitet per brukare",
                         .deliverable_month = 9},
                    }},
               {.kind = ItemKind::quality_requirement,
                .title = "Den som beviljats särskilt boende ska erbjudas plats inom 60 dagar",
                .description = "Beslut om särskilt boende ska verkställas inom 60 dagar.",
                .indicators = {"VANTETID-SABO"},
                .assignments =
                    {
                        {.title = "Korta väntetiden till särskilt boende",
                         .description = "Biståndshandläggning och boenden planerar platserna "
                                        "tillsammans så att beslut verkställs i tid.",
                         .unit_title = "Korta väntetiden till särskilt boende",
                         .activities = {"Inför veckovis platsplanering med biståndshandläggningen",
                                        "Följ upp verkställighetstiden för varje beslut",
                                        "Anmäl ej verkställda beslut i tid"},
                         .scope = {needs_assessment, nursing_home, short_term_care},
                         .indicator = "VANTETID-SABO"},
                    }},
           }},
      {.kind = ItemKind::goal,
       .title = "Kommunen ska minska sin klimat- och miljöpåverkan",
       .description = "Kommunens egen verksamhet går före: minskad energianvändning, fossilfria "
                      "transporter och hållbara livsmedel.",
       .budget_goals =
           {
               {.kind = ItemKind::goal,
                .title = "Energianvändningen i kommunens lokaler och utsläppen från kommunens "
                         "fordon ska minska",
                .description = "Energianvändningen ska minska varje år och kommunens fordon ska "
                               "drivas med fossilfria drivmedel.",
                .indicators = {"ENERGI", "FOSSILFRIA-FORDON"},
                .assignments =
                    {
                        {.title = "Genomför energieffektiviseringar i kommunens lokaler",
                         .description = "Fastigheterna och verksamheterna minskar "
                                        "energianvändningen tillsammans.",
                         .unit_title = "Minska energianvändningen i enhetens lokaler",
                         .activities = {"Se över ventilationens drifttider tillsammans med "
                                        "fastighetsförvaltningen",
                                        "Inför en rutin för att släcka och stänga av utrustning "
                                        "efter verksamhetstid",
                                        "Rapportera fel på värme och ventilation samma dag",
                                        "Utse ett energiombud på arbetsplatsen"},
                         .scope = {property, compulsory_school, preschool_area, nursing_home},
                         .indicator = "ENERGI"},
                        {.title = "Ställ om kommunens fordon till fossilfria drivmedel",
                         .description = "Alla fordon som byts ut ska drivas med el, biogas eller "
                                        "annat fossilfritt drivmedel.",
                         .unit_title = "Ställ om enhetens fordon till fossilfria drivmedel",
                         .activities =
                             {"Byt fordon med fossila drivmedel när leasingperioden går ut",
                              "Inför cykel och elcykel för korta hembesök",
                              "Utbilda förarna i sparsam körning"},
                         .scope = {fleet, home_care},
                         .indicator = "FOSSILFRIA-FORDON"},
                    }},
               {.kind = ItemKind::goal,
                .title = "Andelen ekologiska livsmedel i kommunens måltider ska öka",
                .description = "Måltiderna i förskola, skola och äldreomsorg ska vara goda, "
                               "näringsriktiga och hållbara.",
                .indicators = {"EKOLIVSMEDEL"},
                .assignments =
                    {
                        {.title = "Öka andelen ekologiska livsmedel i måltidsverksamheten",
                         .description = "Menyer och inköp ställs om så att andelen ekologiska "
                                        "livsmedel ökar utan att kostnaden per portion ökar.",
                         .unit_title = "Öka andelen ekologiska livsmedel i köken",
                         .activities = {"Planera menyerna efter säsong",
                                        "Väg och följ upp matsvinnet varje vecka",
                                        "Välj ekologiska basvaror i varje beställning"},
                         .scope = {meals},
                         .indicator = "EKOLIVSMEDEL"},
                    }},
           }},
      {.kind = ItemKind::goal,
       .title = "Barn och unga som far illa ska få rätt stöd i tid",
       .description = "Socialtjänsten, skolan och hälso- och sjukvården samverkar så att barn och "
                      "unga får stöd tidigt och utredningar görs inom lagstadgad tid.",
       .budget_goals =
           {
               {.kind = ItemKind::quality_requirement,
                .title = "Barnavårdsutredningar ska vara klara inom fyra månader",
                .description = "Utredningar som rör barn och unga ska vara avslutade inom den tid "
                               "socialtjänstlagen anger.",
                .indicators = {"UTREDNINGSTID-BOU"},
                .assignments =
                    {
                        {.title = "Korta utredningstiderna inom barn och unga",
                         .description = "Mottagning och utredning organiserar arbetet så att "
                                        "utredningarna blir klara i tid och med god kvalitet.",
                         .unit_title = "Korta utredningstiderna",
                         .activities = {"Inför veckovisa ärendegenomgångar",
                                        "Följ upp varje utredning som passerat tre månader",
                                        "Ta fram en introduktion för nya socialsekreterare"},
                         .scope = {child_reception, child_investigation},
                         .indicator = "UTREDNINGSTID-BOU"},
                        {.title = "Utveckla tidiga och samordnade insatser för barn och unga",
                         .description = "Stödet ska komma tidigt och samordnas mellan "
                                        "socialtjänst, skola och familjecentral.",
                         .unit_title = "Utveckla tidiga och samordnade insatser",
                         .activities = {"Samordna föräldraskapsstödet med familjecentralen",
                                        "Erbjud samtalsstöd inom en vecka från första kontakt",
                                        "Upprätta samordnad individuell plan när behov finns"},
                         .scope = {child_support, family_centre, foster_care, student_health},
                         .deliverable = "Gemensam modell för tidiga insatser",
                         .deliverable_month = 10},
                    }},
           }},
      {.kind = ItemKind::goal,
       .title = "Kommunen ska växa hållbart med bostäder, service och goda kommunikationer",
       .description = "Nya bostäder och verksamhetslokaler planeras nära kollektivtrafik, och "
                      "myndighetsutövningen är effektiv och rättssäker.",
       .budget_goals =
           {
               {.kind = ItemKind::goal,
                .title = "Handläggningstiden för bygglov ska minska",
                .description = "Den som söker bygglov ska få beslut snabbt och kunna följa sitt "
                               "ärende digitalt.",
                .indicators = {"HANDLAGGNING-BYGGLOV"},
                .assignments =
                    {
                        {.title = "Digitalisera bygglovsprocessen",
                         .description = "Ansökan, komplettering och beslut ska kunna hanteras "
                                        "digitalt från början till slut.",
                         .unit_title = "Digitalisera bygglovsprocessen",
                         .activities = {"Inför e-tjänst för bygglovsansökan",
                                        "Inför digital begäran om komplettering",
                                        "Mät handläggningstiden i varje ärende"},
                         .scope = {building_permits, digitalisation},
                         .indicator = "HANDLAGGNING-BYGGLOV",
                         .deliverable = "E-tjänst för bygglovsansökan i drift",
                         .deliverable_month = 10},
                        {.title = "Öka takten i detaljplanearbetet",
                         .description = "Planarbetet prioriteras så att bostäder kan byggas nära "
                                        "kollektivtrafiken.",
                         .unit_title = "Öka takten i detaljplanearbetet",
                         .activities = {"Ta fram en planprioritering för 2025–2027",
                                        "Inför gemensamma startmöten med exploatörer",
                                        "Följ upp tidplanen för varje detaljplan varje månad"},
                         .scope = {planning, land_development, maps_gis},
                         .deliverable = "Planprioritering 2025–2027",
                         .deliverable_month = 5},
                    }},
           }},
      {.kind = ItemKind::goal,
       .title = "Kommunen ska vara en attraktiv arbetsgivare med friska och engagerade medarbetare",
       .description = "Medarbetarna har en god arbetsmiljö, möjlighet att utvecklas och ett "
                      "ledarskap som tar vara på allas kompetens.",
       .budget_goals =
           {
               {.kind = ItemKind::goal,
                .title = "Sjukfrånvaron ska minska och medarbetarnas engagemang öka",
                .description = "Sjukfrånvaron ska minska i alla sektorer och "
                               "medarbetarengagemanget (HME) öka.",
                .indicators = {"SJUKFRANVARO", "HME"},
                .assignments =
                    {
                        {.title = "Minska sjukfrånvaron genom ett förebyggande arbetsmiljöarbete",
                         .description = "Varje chef arbetar systematiskt med arbetsmiljön och "
                                        "följer upp frånvaron tillsammans med HR.",
                         .unit_title = "Minska sjukfrånvaron på enheten",
                         .activities =
                             {"Följ upp korttidsfrånvaron varje månad tillsammans med HR",
                              "Håll hälsofrämjande samtal vid upprepad korttidsfrånvaro",
                              "Gör en riskbedömning av arbetsmiljön på arbetsplatsträffen",
                              "Inför en gemensam friskvårdsaktivitet"},
                         .indicator = "SJUKFRANVARO"},
                        {.title = "Arbeta med resultatet av medarbetarenkäten",
                         .description = "Alla arbetsplatser tar fram och genomför en handlingsplan "
                                        "utifrån medarbetarenkäten.",
                         .unit_title = "Genomför en handlingsplan utifrån medarbetarenkäten",
                         .activities = {"Gå igenom enkätresultatet på arbetsplatsträffen",
                                        "Välj två förbättringsområden och gör en handlingsplan",
                                        "Följ upp handlingsplanen i medarbetarsamtalen"},
                         .indicator = "HME"},
                    }},
           }},
      {.kind = ItemKind::goal,
       .title = "Kommunens ekonomi ska vara långsiktigt hållbar",
       .description = "Skatter och avgifter används till det fullmäktige beslutat, effektivt och "
                      "så att även kommande generationer kan räkna med god service.",
       .budget_goals =
           {
               {.kind = ItemKind::goal,
                .title = "Verksamheterna ska bedrivas inom tilldelad budgetram",
                .description = "Varje sektor håller sin ram och rapporterar avvikelser så snart de "
                               "blir kända.",
                .indicators = {"RESULTAT"},
                .assignments =
                    {
                        {.title = "Bedriv verksamheten inom tilldelad budgetram",
                         .description = "Ekonomin följs upp varje månad och åtgärder vidtas så "
                                        "snart en avvikelse syns.",
                         .unit_title = "Håll enhetens budget",
                         .activities = {"Gör en månatlig prognos för enhetens ekonomi",
                                        "Planera bemanningen utifrån budgeten",
                                        "Se över inköp och avtal för att hitta besparingar"},
                         .indicator = "RESULTAT"},
                        {.title = "Effektivisera planeringen i hemtjänsten",
                         .description = "Bättre planering ska ge mer tid hos brukarna och lägre "
                                        "kostnad per utförd timme.",
                         .unit_title = "Effektivisera planeringen av hemtjänstinsatserna",
                         .activities = {"Planera besöken i det digitala planeringsverktyget",
                                        "Följ upp andelen tid hos brukare varje vecka",
                                        "Samordna körvägarna mellan grupperna"},
                         .scope = {home_care},
                         .indicator = "KOSTNAD-HEMTJANST"},
                    }},
           }},
      {.kind = ItemKind::direction,
       .title = "Kommunens service ska vara enkel och tillgänglig, digitalt och personligt",
       .description = "Invånare och företag ska få snabba och tydliga svar, oavsett hur de "
                      "kontaktar kommunen.",
       .budget_goals =
           {
               {.kind = ItemKind::quality_requirement,
                .title = "Den som mejlar kommunen ska få svar inom två arbetsdagar",
                .description = "Alla e-postfrågor till kommunen ska besvaras inom två arbetsdagar.",
                .indicators = {"EPOST-SVAR"},
                .assignments =
                    {
                        {.title = "Inför en gemensam rutin för svar på e-post",
                         .description =
                             "Funktionsbrevlådor bevakas varje dag och svarstiderna mäts.",
                         .unit_title = "Inför rutin för svar på e-post",
                         .activities = {"Inför funktionsbrevlåda med daglig bevakning",
                                        "Mät svarstiderna varje månad",
                                        "Utbilda medarbetarna i klarspråk"},
                         .scope = {contact_centre, communication, secretariat},
                         .indicator = "EPOST-SVAR"},
                    }},
           }},
      {.kind = ItemKind::direction,
       .title = "Invånarnas delaktighet ska stärkas genom medborgardialog",
       .description = "Invånarna ska kunna påverka tidigt i de frågor som berör dem.",
       .budget_goals =
           {
               {.kind = ItemKind::direction,
                .title = "Medborgardialog ska föregå större beslut om samhällets utveckling",
                .description = "Invånarna ska få vara med tidigt när översiktsplan och större "
                               "detaljplaner tas fram.",
                .assignments =
                    {
                        {.title = "Genomför medborgardialoger inför den nya översiktsplanen",
                         .description =
                             "Dialogerna ska nå grupper som sällan deltar, till exempel unga.",
                         .unit_title = "Genomför medborgardialoger",
                         .activities = {"Genomför dialogmöten i varje kommundel",
                                        "Ta fram en digital dialogenkät",
                                        "Sammanställ synpunkterna till planeringen"},
                         .scope = {planning, communication},
                         .deliverable = "Sammanställning av medborgardialogerna",
                         .deliverable_month = 11},
                    }},
           }},
      {.kind = ItemKind::direction,
       .title = "Kultur-, fritids- och föreningslivet ska vara rikt och tillgängligt för alla",
       .description =
           "Barn och unga ska ha tillgång till meningsfulla fritidsaktiviteter i hela kommunen.",
       .budget_goals =
           {
               {.kind = ItemKind::goal,
                .title = "Fler barn och unga ska delta i kultur- och föreningslivet",
                .description = "Andelen barn och unga som deltar i föreningsaktiviteter och "
                               "kulturskolan ska öka."},
           }},
  };
}

}  // namespace

const std::vector<MandateGoalText>& steeringThemes() {
  static const std::vector<MandateGoalText> themes = makeThemes();
  return themes;
}

// Long sentences are split over lines; clang-tidy takes the joins for missing commas.
// NOLINTBEGIN(bugprone-suspicious-missing-comma)
const std::vector<std::string>& unitPlans() {
  static const std::vector<std::string> plans{
      "Enheten tar fram en handlingsplan tillsammans med medarbetarna på arbetsplatsträffen i "
      "februari och följer upp den varje månad i ledningsgruppen.",
      "Uppdraget fördelas på arbetsplatserna. Enhetschefen följer upp det vid de månatliga "
      "avstämningarna och rapporterar läget till sektorchefen.",
      "Vi genomför arbetet i tre steg: nulägesanalys under våren, åtgärder under hösten och "
      "utvärdering i december.",
      "Arbetet leds av en arbetsgrupp med en representant från varje arbetsplats. Läget "
      "redovisas i tertialuppföljningen.",
      "Vi börjar med en kartläggning tillsammans med skyddsombud och medarbetare och prioriterar "
      "sedan de åtgärder som ger störst effekt.",
  };
  return plans;
}

const std::vector<std::string>& workplacePlans() {
  static const std::vector<std::string> plans{
      "Arbetsplatsen gör en plan på nästa arbetsplatsträff och rapporterar läget till "
      "enhetschefen varje månad.",
      "Vi delar upp arbetet i arbetslagen och stämmer av på arbetsplatsträffarna.",
      "Två medarbetare samordnar arbetet och redovisar resultatet på arbetsplatsträffen i "
      "juni och i december.",
      "Vi gör en nulägesbild i mars, genomför åtgärderna under hösten och följer upp i "
      "november.",
  };
  return plans;
}

const std::vector<std::string>& employeePlans() {
  static const std::vector<std::string> plans{
      "Jag planerar in arbetet under våren och stämmer av med min chef vid våra månatliga "
      "avstämningar.",
      "Jag tar fram ett förslag tillsammans med kollegorna och redovisar det på "
      "arbetsplatsträffen.",
      "Jag genomför aktiviteten stegvis och rapporterar hur det går i medarbetarsamtalet.",
  };
  return plans;
}

// NOLINTEND(bugprone-suspicious-missing-comma)

const std::vector<std::string>& smallDeliverables() {
  static const std::vector<std::string> deliverables{
      "Skriftlig återrapport till enhetschefen",
      "Handlingsplan",
      "Redovisning på arbetsplatsträff",
      "Sammanställning av resultatet",
  };
  return deliverables;
}

}  // namespace styr::demo
