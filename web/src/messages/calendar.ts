// The calendar: the year's follow-up occasions and the signed-in person's own deadlines.
import type { Area } from './index';

const sv = {
  'calendar.lead': 'Årets uppföljningstillfällen, tidsfrister och sammanträden, månad för månad, med dina egna tidsfrister markerade.',
  'calendar.years': 'Välj år',
  'calendar.today': 'I dag',
  'calendar.todayIs': 'I dag är det {date}.',
  'calendar.goToday': 'Gå till i dag',
  'calendar.onlyMine': 'Visa bara mina tidsfrister',
  'calendar.timeline': 'Tidslinje {year}',
  'calendar.noPlan': 'Det finns ingen uppföljningsplan för {year}.',
  'calendar.noEvents': 'Inget inplanerat.',
  'calendar.noMine': 'Du har inga egna tidsfrister {year}.',
  'calendar.eventsOf': 'Händelser i {month}',
  'calendar.kind.mine': 'Din tidsfrist',
  'calendar.kind.deadline': 'Tidsfrist',
  'calendar.kind.meeting': 'Sammanträde',
  'calendar.mine': 'Återrapportering för {recipient} till {occasion}',
  'calendar.deadline': 'Sista dag för {level}:',
  'calendar.meeting': '{body} sammanträder:',
  'calendar.passed': 'passerad',
  'calendar.feed': 'Tidsfristerna i din egen kalender',
  'calendar.feedIntro':
    'Dina egna tidsfrister finns som ett kalenderflöde (iCalendar), med en händelse per återrapportering du skriver.',
  'calendar.feedDownload': 'Ladda ner mina tidsfrister (.ics)',
  'calendar.feedSubscribe':
    'För att prenumerera i en kalenderapp (Outlook, Google Kalender, Apple Kalender) behöver appen en API-nyckel med behörigheten read. Lägg nyckeln sist i adressen:',
  'calendar.feedAddress': 'Adress för prenumeration',
  'calendar.feedHint': 'Byt {placeholder} mot nyckelns hemlighet. Den som har adressen kan läsa dina tidsfrister.',
  'calendar.mineError': 'Dina egna tidsfrister kunde inte hämtas.',
  'calendar.tokenPlaceholder': 'DIN-NYCKEL',
};

const en: typeof sv = {
  'calendar.lead': 'The year’s follow-up occasions, deadlines and meetings, month by month, with your own deadlines marked.',
  'calendar.years': 'Choose a year',
  'calendar.today': 'Today',
  'calendar.todayIs': 'Today is {date}.',
  'calendar.goToday': 'Go to today',
  'calendar.onlyMine': 'Show only my deadlines',
  'calendar.timeline': 'Timeline {year}',
  'calendar.noPlan': 'There is no follow-up plan for {year}.',
  'calendar.noEvents': 'Nothing planned.',
  'calendar.noMine': 'You have no deadlines of your own in {year}.',
  'calendar.eventsOf': 'Events in {month}',
  'calendar.kind.mine': 'Your deadline',
  'calendar.kind.deadline': 'Deadline',
  'calendar.kind.meeting': 'Meeting',
  'calendar.mine': 'Report-back for {recipient} to {occasion}',
  'calendar.deadline': 'Last day for {level}:',
  'calendar.meeting': '{body} meets:',
  'calendar.passed': 'passed',
  'calendar.feed': 'The deadlines in your own calendar',
  'calendar.feedIntro': 'Your own deadlines are a calendar feed (iCalendar), one event per report-back you write.',
  'calendar.feedDownload': 'Download my deadlines (.ics)',
  'calendar.feedSubscribe':
    'To subscribe in a calendar app (Outlook, Google Calendar, Apple Calendar) the app needs an API token with the scope read. Put the token at the end of the address:',
  'calendar.feedAddress': 'Address to subscribe to',
  'calendar.feedHint': 'Replace {placeholder} with the token’s secret. Whoever has the address can read your deadlines.',
  'calendar.mineError': 'Your own deadlines could not be fetched.',
  'calendar.tokenPlaceholder': 'YOUR-TOKEN',
};

export default { sv, en } satisfies Area;
