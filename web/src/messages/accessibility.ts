// The accessibility statement (tillgänglighetsredogörelse), in the structure Digg asks for
// under lagen (2018:1937) om tillgänglighet till digital offentlig service.
import type { Area } from './index';

const sv = {
  'accessibility.title': 'Tillgänglighetsredogörelse',
  'accessibility.intro':
    'Styr är en tjänst för styrning och uppföljning som kommuner och regioner använder för sina förtroendevalda och medarbetare. Den kommun eller region som driver tjänsten står bakom den. Vi vill att så många som möjligt ska kunna använda Styr. Här beskriver vi hur Styr uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka kända brister som finns och hur du kan rapportera brister så att de kan åtgärdas.',

  'accessibility.scopeTitle': 'Vad redogörelsen gäller',
  'accessibility.scope':
    'Redogörelsen gäller webbtjänsten Styr: alla sidor i webbläsaren, både de som är öppna för alla, som den här, och de som kräver inloggning. Den gäller Styr på svenska och på engelska.',
  'accessibility.scopeNot':
    'Den gäller inte kommunens eller regionens övriga webbplatser, som har egna redogörelser, och inte Styrs API, som används av andra datorsystem och inte direkt av människor.',

  'accessibility.howTitle': 'Hur tillgänglig är tjänsten?',
  'accessibility.compliance':
    'Styr är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.',
  'accessibility.how':
    'Målet är att uppfylla nivå AA i riktlinjerna WCAG 2.1, som är de krav i standarden EN 301 549 som lagen hänvisar till. Det innebär bland annat att:',
  'accessibility.feature.keyboard': 'allt kan göras med enbart tangentbord, och det syns alltid var du är på sidan',
  'accessibility.feature.screenReader':
    'sidorna har rubriker, etiketter och landmärken som skärmläsare kan läsa, och fel i formulär läses upp och visas vid fältet',
  'accessibility.feature.zoom': 'tjänsten fungerar i 360 pixlars bredd, som på en mobiltelefon, och när texten förstoras',
  'accessibility.feature.colour':
    'ingenting visas bara med färg: varje status har också en symbol och ord, och texten har tillräcklig kontrast mot bakgrunden',
  'accessibility.feature.language': 'tjänsten kan visas på svenska eller engelska, och sidans språk är angivet för skärmläsare',

  'accessibility.alternativeTitle': 'Vad kan du göra om du inte kan använda delar av tjänsten?',
  'accessibility.alternative':
    'Om du behöver uppgifter ur Styr i en annan form, till exempel uppläst eller som ett tillgängligt dokument, kan du kontakta den kommun eller region som driver tjänsten. De kan ta fram uppgifterna åt dig.',

  'accessibility.reportTitle': 'Rapportera brister i tjänstens tillgänglighet',
  'accessibility.report':
    'Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, vill vi veta det.',
  'accessibility.reportContact':
    'Kontakta den kommun eller region som driver tjänsten. Det är den som tar emot synpunkter på Styr och som anger sina kontaktuppgifter, oftast på sin webbplats under Kontakt eller på sin sida om tillgänglighet.',
  'accessibility.reportWhat':
    'Beskriv gärna vilken sida det gäller (adressen i webbläsaren), vad du försökte göra, vad som hände och vilken webbläsare och vilka hjälpmedel du använder.',

  'accessibility.enforcementTitle': 'Tillsyn',
  'accessibility.enforcement':
    'Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn för lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur dina synpunkter hanteras kan du kontakta Digg och påtala det.',
  'accessibility.enforcementLink': 'Anmäl bristande tillgänglighet till Digg',

  'accessibility.technicalTitle': 'Teknisk information om tjänstens tillgänglighet',
  'accessibility.technical':
    'Styr är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.',
  'accessibility.nonCompliantTitle': 'Innehåll som inte är tillgängligt',
  'accessibility.nonCompliant.serverLanguage':
    'Felmeddelanden som kommer direkt från servern, till exempel förklaringen till varför en import avvisades eller en ändring inte godtogs, är på engelska även när Styr visas på svenska, och de är inte överallt märkta som engelska för skärmläsare (WCAG 3.1.2). De vanligaste felen förklaras också på svenska.',
  'accessibility.nonCompliant.userText':
    'Texter som användarna själva skriver, som mål, uppdrag och återrapporter, visas som de skrevs. Styr kan inte pröva om de är lätta att förstå eller om förkortningar förklaras (WCAG 3.1).',

  'accessibility.limitationsTitle': 'Kända begränsningar',
  'accessibility.limitation.charts':
    'Diagrammen över indikatorer kan inte läsas av skärmläsare. Samma värden finns alltid i en tabell vid diagrammet, så ingen uppgift finns bara i diagrammet.',
  'accessibility.limitation.pdf':
    'Styr skapar ännu inga rapporter som PDF-dokument. Den som tar ut uppgifter ur Styr och publicerar dem som dokument, till exempel i sammanträdeshandlingar, ansvarar för att dokumenten är tillgängliga.',
  'accessibility.limitation.files':
    'Filer som laddas ner, som avvikelseregistret i CSV-format och kalendern i iCalendar-format, är data för andra program. Hur tillgängliga de är beror på programmet du öppnar dem i.',
  'accessibility.limitation.tables':
    'Breda tabeller får inte plats på en smal skärm. De rullas då i sidled i en egen ruta, medan resten av sidan stannar kvar.',

  'accessibility.burdenTitle': 'Oskäligt betungande anpassning',
  'accessibility.burden': 'Vi åberopar inte undantaget för oskäligt betungande anpassning (12 §) för något innehåll i Styr.',

  'accessibility.outOfScopeTitle': 'Innehåll som inte omfattas av lagkraven',
  'accessibility.outOfScope': 'Vi känner inte till något innehåll i Styr som är undantaget från lagens krav enligt 9 §.',

  'accessibility.testedTitle': 'Hur vi testat tjänsten',
  'accessibility.tested': 'Bedömningen är en självskattning (intern testning) mot WCAG 2.1 nivå AA:',
  'accessibility.test.axe':
    'Varje sida i tjänsten kontrolleras automatiskt med verktyget axe-core i en riktig webbläsare vid varje ny version. En version där verktyget hittar ett enda fel godkänns inte.',
  'accessibility.test.keyboard': 'Varje sida prövas med enbart tangentbord: allt ska gå att nå och göra, och fokus ska alltid synas.',
  'accessibility.test.narrow':
    'Varje sida prövas i 360 pixlars bredd, som på en mobiltelefon, och på en stor skärm, utan att innehåll försvinner.',
  'accessibility.testedLimits':
    'Automatiska tester hittar inte alla slags brister, till exempel om texter och rubriker är begripliga. Tjänsten har inte granskats av en extern part. Hittar du något vi har missat vill vi gärna veta det.',

  'accessibility.datesTitle': 'Om redogörelsen',
  'accessibility.made': 'Bedömningen gjordes och redogörelsen upprättades {date}.',
  'accessibility.updated': 'Redogörelsen uppdaterades senast {date}.',
};

const en: typeof sv = {
  'accessibility.title': 'Accessibility statement',
  'accessibility.intro':
    'Styr is a service for steering and follow-up that municipalities and regions use for their elected representatives and staff. The municipality or region that runs the service stands behind it. We want as many people as possible to be able to use Styr. This page describes how Styr meets the Swedish act on accessibility to digital public services (lagen (2018:1937) om tillgänglighet till digital offentlig service), the known shortcomings, and how you can report problems so that they can be fixed.',

  'accessibility.scopeTitle': 'What this statement covers',
  'accessibility.scope':
    'This statement covers the web service Styr: every page in the browser, both those open to everyone, like this one, and those that need signing in. It covers Styr in Swedish and in English.',
  'accessibility.scopeNot':
    "It does not cover the municipality's or region's other websites, which have statements of their own, nor Styr's API, which is used by other computer systems and not directly by people.",

  'accessibility.howTitle': 'How accessible is the service?',
  'accessibility.compliance':
    'Styr is partially compliant with the act on accessibility to digital public services, because of the shortcomings described below.',
  'accessibility.how':
    'The aim is to meet level AA of the WCAG 2.1 guidelines, the requirements of the standard EN 301 549 that the act refers to. Among other things, this means that:',
  'accessibility.feature.keyboard': 'everything can be done with the keyboard alone, and where you are on the page is always visible',
  'accessibility.feature.screenReader':
    'the pages have headings, labels and landmarks that screen readers can read, and errors in forms are announced and shown at the field',
  'accessibility.feature.zoom': 'the service works 360 pixels wide, as on a mobile phone, and with enlarged text',
  'accessibility.feature.colour':
    'nothing is shown by colour alone: every status also has a symbol and words, and text has enough contrast against its background',
  'accessibility.feature.language': 'the service can be shown in Swedish or English, and the language of the page is declared for screen readers',

  'accessibility.alternativeTitle': 'What can you do if you cannot use parts of the service?',
  'accessibility.alternative':
    'If you need information from Styr in another form, for example read aloud or as an accessible document, you can contact the municipality or region that runs the service. They can produce the information for you.',

  'accessibility.reportTitle': "Reporting problems with the service's accessibility",
  'accessibility.report':
    'We keep working to improve accessibility. If you find problems not described on this page, or think that we do not meet the requirements of the act, we want to know.',
  'accessibility.reportContact':
    'Contact the municipality or region that runs the service. It receives comments on Styr and gives its contact details, usually on its website under Contact or on its page about accessibility.',
  'accessibility.reportWhat':
    "Please say which page it concerns (the address in the browser), what you tried to do, what happened, and which browser and assistive technology you use.",

  'accessibility.enforcementTitle': 'Enforcement procedure',
  'accessibility.enforcement':
    'The Agency for Digital Government (Myndigheten för digital förvaltning, Digg) is responsible for enforcing the act on accessibility to digital public services. If you are not satisfied with how your comments are handled, you can contact Digg and tell them.',
  'accessibility.enforcementLink': 'Report lacking accessibility to Digg',

  'accessibility.technicalTitle': "Technical information about the service's accessibility",
  'accessibility.technical':
    'Styr is partially compliant with the act on accessibility to digital public services, because of the shortcomings described below.',
  'accessibility.nonCompliantTitle': 'Content that is not accessible',
  'accessibility.nonCompliant.serverLanguage':
    'Error messages that come directly from the server, for example the explanation of why an import was refused or a change was not accepted, are in English even when Styr is shown in Swedish, and they are not everywhere marked as English for screen readers (WCAG 3.1.2). The most common errors are also explained in Swedish.',
  'accessibility.nonCompliant.userText':
    'Texts the users write themselves, such as goals, assignments and report-backs, are shown as they were written. Styr cannot check whether they are easy to understand or whether abbreviations are explained (WCAG 3.1).',

  'accessibility.limitationsTitle': 'Known limitations',
  'accessibility.limitation.charts':
    'The indicator charts cannot be read by screen readers. The same values are always in a table by the chart, so no information is in the chart alone.',
  'accessibility.limitation.pdf':
    'Styr does not yet produce reports as PDF documents. Whoever takes information out of Styr and publishes it as documents, for example in meeting papers, is responsible for those documents being accessible.',
  'accessibility.limitation.files':
    'Files that are downloaded, such as the deviation register in CSV format and the calendar in iCalendar format, are data for other programs. How accessible they are depends on the program you open them in.',
  'accessibility.limitation.tables':
    'Wide tables do not fit on a narrow screen. They then scroll sideways in a box of their own, while the rest of the page stays put.',

  'accessibility.burdenTitle': 'Disproportionate burden',
  'accessibility.burden': 'We do not claim the exemption for disproportionate burden (section 12) for any content of Styr.',

  'accessibility.outOfScopeTitle': 'Content not within the scope of the act',
  'accessibility.outOfScope': 'We know of no content in Styr that is exempted from the requirements of the act under section 9.',

  'accessibility.testedTitle': 'How we tested the service',
  'accessibility.tested': 'The assessment is a self-assessment (internal testing) against WCAG 2.1 level AA:',
  'accessibility.test.axe':
    'Every page of the service is checked automatically with the tool axe-core in a real browser for every new version. A version in which the tool finds a single error is not accepted.',
  'accessibility.test.keyboard': 'Every page is tried with the keyboard alone: everything must be reachable and doable, and the focus must always be visible.',
  'accessibility.test.narrow':
    'Every page is tried 360 pixels wide, as on a mobile phone, and on a large screen, without content getting lost.',
  'accessibility.testedLimits':
    'Automated tests do not find every kind of problem, for example whether texts and headings are understandable. The service has not been audited by an external party. If you find something we have missed, we would like to know.',

  'accessibility.datesTitle': 'About this statement',
  'accessibility.made': 'The assessment was made and this statement was prepared on {date}.',
  'accessibility.updated': 'The statement was last updated on {date}.',
};

export default { sv, en } satisfies Area;
