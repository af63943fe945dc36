import type { Area } from './index';

const sv = {
  'notifications.title': 'Notiser',
  'notifications.intro': 'Det Styr har meddelat dig: påminnelser, avvikelser och beslut. Samma meddelanden går som e-post när kommunen har slagit på det.',
  'notifications.onlyUnread': 'Visa bara olästa',
  'notifications.none': 'Du har inga notiser.',
  'notifications.noneUnread': 'Du har inga olästa notiser.',
  'notifications.unread': 'Oläst',
  'notifications.readAt': 'Läst {at}',
  'notifications.open': 'Öppna',
  'notifications.markRead': 'Markera som läst',
  'notifications.markAllRead': 'Markera alla som lästa',
  'notifications.marked': 'Markerad som läst.',
  'notifications.allMarked': 'Alla notiser är markerade som lästa.',
  'notifications.showBody': 'Visa hela meddelandet',
  'notifications.hideBody': 'Dölj meddelandet',
  'notifications.listLabel': 'Notiser, nyaste först',
  'notifications.count': '{count} notiser, varav {unread} olästa',
};

const en: typeof sv = {
  'notifications.title': 'Notifications',
  'notifications.intro': 'What Styr has told you: reminders, deviations and decisions. The same messages go by e-mail when the municipality has turned that on.',
  'notifications.onlyUnread': 'Show unread only',
  'notifications.none': 'You have no notifications.',
  'notifications.noneUnread': 'You have no unread notifications.',
  'notifications.unread': 'Unread',
  'notifications.readAt': 'Read {at}',
  'notifications.open': 'Open',
  'notifications.markRead': 'Mark as read',
  'notifications.markAllRead': 'Mark all as read',
  'notifications.marked': 'Marked as read.',
  'notifications.allMarked': 'All notifications are marked as read.',
  'notifications.showBody': 'Show the whole message',
  'notifications.hideBody': 'Hide the message',
  'notifications.listLabel': 'Notifications, newest first',
  'notifications.count': '{count} notifications, {unread} of them unread',
};

export default { sv, en } satisfies Area;
