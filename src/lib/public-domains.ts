// Well-known public mail providers' domains. Their host names (aspmx.l.google.com,
// *.prod.outlook.com) and domains name a service shared by millions, not the sender, and they tell
// the classifier which provider answered; so redaction keeps them, and only replaces the local part
// of an address at them. Limited to the providers src/lib/classify/provider.ts recognises.
export const PUBLIC_MAIL_DOMAINS: readonly string[] = [
  'google.com',
  'gmail.com',
  'googlemail.com',
  'microsoft.com',
  'outlook.com',
  'office365.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoodns.net',
  'aol.com',
  'gmx.net',
  'gmx.de',
  'web.de',
];
