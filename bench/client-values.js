// What the benchmark's client files are made of: names, streets and, per country, its calling code, phone
// numbers libphonenumber accepts, postal codes, and states with their own tz zone. Valid for the contract's
// rules as they are; a state's `link` is a tz backward link naming the same zone, for problem rows.
const list = (text) => text.split('|');

export const NAME_WORDS = list(
	'Acme|Blue|Cedar|Delta|Evergreen|Falcon|Granite|Harbor|Iron|Juniper|Keystone|Lumen|Maple|Northwind|Orbit|' +
		'Pioneer|Quartz|Redwood|Summit|Tidal|Union|Vertex|Willow|Zenith|Beacon|Copper|Silver|Oakridge|Bright|Atlas'
);
export const NAME_KINDS = list(
	'Motors|Partners|Foods|Law Group|Realty|Studios|Logistics|Dental|Clinic|Systems|Accounting|Architects|' +
		'Builders|Consulting|Insurance|Pharmacy|Veterinary|Hotels|Engineering|Media|Bakery|Freight|Labs|Outfitters'
);
export const FIRST_NAMES = list(
	'María|Tomás|Søren|Chloé|Ines|Rosa|Dev|Kavya|Elena|Quinn|Olu|Liam|Ana|Hiro|Priya|Jonas|Farid|Grace|Bruno|' +
		'Nils|Aisha|Mateo|Yuki|Sofia|Lucas|Emma|Noah|Zoë|Björn|Amara|Ravi|Mei|Oscar|Léa|Kenji|Fatima|Daniel|Sara'
);
export const LAST_NAMES = list(
	'Alvarez|Smith|García|Patel|Chen|Müller|Eriksen|Tanaka|Brown|Kowalski|Iyer|Dubois|Jensen|Rossi|Fischer|Lopez|' +
		"Hughes|Quirke|O'Brien|Nakamura|Okafor|van Dijk|Schmidt|Martin|Wilson|Singh|Kim|Novak|Larsen|Moreau|Costa|Haddad"
);
export const SITE_NAMES = list('Headquarters|Headquarters|Headquarters|Main Office|Head Office|HQ');

/** A state: its code (after the hyphen), zone, backward link ('' for none), cities, phone area prefixes. */
const state = (code, zone, link, cities, prefixes) => ({
	code,
	zone,
	link,
	cities: list(cities),
	phone: prefixes.split(' ')
});

/** `weight`: how many clients of a hundred are in the country. `r` is a row's random source (generate.js). */
export const COUNTRIES = [
	{
		code: 'US',
		callingCode: '1',
		weight: 30,
		suffixes: list('Inc|LLC|Corp'),
		streets: list('Main Street|Oak Avenue|Maple Drive|Washington Street|Park Avenue|Lake Road'),
		postal: (r) => r.digits(5),
		number: (r, prefix) => `${prefix}${r.between(2, 9)}${r.digits(6)}`,
		grouped: (n) => `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
		states: [
			state('NY', 'America/New_York', 'US/Eastern', 'New York|Brooklyn|Albany', '212 718 518'),
			state('CA', 'America/Los_Angeles', 'US/Pacific', 'San Francisco|Los Angeles|San Diego', '415 213 619 408'),
			state('TX', 'America/Chicago', 'US/Central', 'Austin|Dallas|Houston', '512 214 713'),
			state('IL', 'America/Chicago', 'US/Central', 'Chicago|Springfield|Naperville', '312 217 630'),
			state('WA', 'America/Los_Angeles', 'US/Pacific', 'Seattle|Spokane|Tacoma', '206 509 253'),
			state('CO', 'America/Denver', 'US/Mountain', 'Denver|Boulder', '303 720'),
			state('FL', 'America/New_York', 'US/Eastern', 'Miami|Orlando|Tampa', '305 407 813'),
			state('MA', 'America/New_York', 'US/Eastern', 'Boston|Cambridge|Worcester', '617 508')
		]
	},
	{
		code: 'GB',
		callingCode: '44',
		weight: 12,
		suffixes: list('Ltd|LLP|plc'),
		streets: list('High Street|Station Road|Church Lane|Victoria Road|Mill Lane|Queen Street'),
		postal: (r) =>
			`${r.pick(list('SW|EC|M|EH|G|CF|N|W'))}${r.between(1, 19)} ${r.digits(1)}${r.pick(list('AA|BD|DL|HQ'))}`,
		number: (r, prefix) => `${prefix}${r.digits(10 - prefix.length)}`,
		grouped: (n) => `${n.slice(0, 2)} ${n.slice(2, 6)} ${n.slice(6)}`,
		states: [
			state('ENG', 'Europe/London', 'GB', 'London', '207 203'),
			state('ENG', 'Europe/London', 'Europe/Belfast', 'Manchester', '161'),
			state('SCT', 'Europe/London', 'GB', 'Edinburgh', '1312 1314'),
			state('SCT', 'Europe/London', 'GB', 'Glasgow', '1412 1415'),
			state('WLS', 'Europe/London', 'GB', 'Cardiff', '292')
		]
	},
	{
		code: 'IN',
		callingCode: '91',
		weight: 12,
		suffixes: list('Pvt Ltd|LLP'),
		streets: list('MG Road|Brigade Road|Linking Road|Park Street|Residency Road'),
		postal: (r) => `${r.between(1, 8)}${r.digits(5)}`,
		number: (r, prefix) => `${prefix}${r.between(2, 6)}${r.digits(7)}`,
		grouped: (n) => `${n.slice(0, 2)} ${n.slice(2, 6)} ${n.slice(6)}`,
		states: [
			state('KA', 'Asia/Kolkata', 'Asia/Calcutta', 'Bengaluru|Mysuru', '80'),
			state('MH', 'Asia/Kolkata', 'Asia/Calcutta', 'Mumbai|Pune', '22'),
			state('DL', 'Asia/Kolkata', 'Asia/Calcutta', 'New Delhi', '11')
		]
	},
	{
		code: 'NL',
		callingCode: '31',
		weight: 6,
		suffixes: list('BV|NV'),
		streets: list('Kerkstraat|Herengracht|Stationsweg|Dorpsstraat|Marktplein'),
		postal: (r) => `${r.between(1000, 9999)} ${r.pick(list('AB|CD|EK|GH|LM|RS'))}`,
		number: (r, prefix) => `${prefix}${r.between(1, 8)}${r.digits(6)}`,
		grouped: (n) => `${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5)}`,
		states: [
			state('NH', 'Europe/Amsterdam', '', 'Amsterdam|Haarlem', '20'),
			state('ZH', 'Europe/Amsterdam', '', 'Rotterdam|Den Haag', '10'),
			state('UT', 'Europe/Amsterdam', '', 'Utrecht', '30')
		]
	},
	{
		code: 'CA',
		callingCode: '1',
		weight: 8,
		suffixes: list('Inc|Ltd'),
		streets: list('King Street|Queen Street|Yonge Street|Granville Street|Rue Sainte-Catherine'),
		postal: (r) =>
			`${r.pick(list('M|K|V|H|T'))}${r.digits(1)}${r.pick(list('A|B|C|E|G|J'))} ` +
			`${r.digits(1)}${r.pick(list('K|L|N|P|R|S'))}${r.digits(1)}`,
		number: (r, prefix) => `${prefix}${r.between(2, 9)}${r.digits(6)}`,
		grouped: (n) => `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
		states: [
			state('ON', 'America/Toronto', 'Canada/Eastern', 'Toronto|Ottawa', '416 613'),
			state('BC', 'America/Vancouver', 'Canada/Pacific', 'Vancouver|Victoria', '604 250'),
			state('QC', 'America/Toronto', 'Canada/Eastern', 'Montréal|Québec', '514 418'),
			state('AB', 'America/Edmonton', 'Canada/Mountain', 'Calgary|Edmonton', '403 780')
		]
	},
	{
		code: 'AU',
		callingCode: '61',
		weight: 8,
		suffixes: list('Pty Ltd'),
		streets: list('George Street|Collins Street|Queen Street|Pitt Street|Bourke Street'),
		postal: (r) => `${r.between(2000, 4999)}`,
		number: (r, prefix) => `${prefix}${r.digits(9 - prefix.length)}`,
		grouped: (n) => `${n.slice(0, 1)} ${n.slice(1, 5)} ${n.slice(5)}`,
		states: [
			state('NSW', 'Australia/Sydney', 'Australia/NSW', 'Sydney|Newcastle', '28 29'),
			state('VIC', 'Australia/Melbourne', 'Australia/Victoria', 'Melbourne|Geelong', '38 39'),
			state('QLD', 'Australia/Brisbane', 'Australia/Queensland', 'Brisbane|Gold Coast', '73')
		]
	},
	{
		code: 'DE',
		callingCode: '49',
		weight: 10,
		suffixes: list('GmbH|AG|KG'),
		streets: list('Hauptstraße|Bahnhofstraße|Schillerstraße|Gartenweg|Lindenallee'),
		postal: (r) => `${r.between(10, 99)}${r.digits(3)}`,
		number: (r, prefix) => `${prefix}${r.between(1, 8)}${r.digits(prefix === '89' ? 6 : 7)}`,
		grouped: (n) => `${n.slice(0, 2)} ${n.slice(2, 6)} ${n.slice(6)}`,
		states: [
			state('BY', 'Europe/Berlin', '', 'München|Nürnberg', '89'),
			state('BE', 'Europe/Berlin', '', 'Berlin', '30'),
			state('HH', 'Europe/Berlin', '', 'Hamburg', '40')
		]
	},
	{
		code: 'FR',
		callingCode: '33',
		weight: 8,
		suffixes: list('SARL|SAS'),
		streets: list('Rue de la Paix|Avenue Victor Hugo|Rue de Rivoli|Boulevard Voltaire|Rue du Commerce'),
		postal: (r) => `${r.pick(list('75|69|13|92|33'))}${r.digits(3)}`,
		number: (r, prefix) => (prefix === '1' ? `1${r.between(4, 8)}${r.digits(7)}` : `${prefix}${r.digits(7)}`),
		grouped: (n) => `${n.slice(0, 1)} ${n.slice(1, 3)} ${n.slice(3, 5)} ${n.slice(5, 7)} ${n.slice(7)}`,
		states: [
			state('IDF', 'Europe/Paris', '', 'Paris|Boulogne-Billancourt', '1'),
			state('ARA', 'Europe/Paris', '', 'Lyon|Grenoble', '47'),
			state('PAC', 'Europe/Paris', '', 'Marseille|Nice', '49')
		]
	},
	{
		code: 'JP',
		callingCode: '81',
		weight: 6,
		suffixes: list('KK|GK'),
		streets: list('Chuo-dori|Meiji-dori|Omotesando|Midosuji|Sakura-dori'),
		postal: (r) => `${r.between(100, 999)}-${r.digits(4)}`,
		number: (r, prefix) =>
			prefix === '52'
				? `52${r.between(2, 8)}${r.digits(6)}`
				: `${prefix}${r.between(prefix === '3' ? 3 : 6, 8)}${r.digits(7)}`,
		grouped: (n) => `${n.slice(0, 1)} ${n.slice(1, 5)} ${n.slice(5)}`,
		states: [
			state('13', 'Asia/Tokyo', 'Japan', 'Tokyo|Hachioji', '3'),
			state('27', 'Asia/Tokyo', 'Japan', 'Osaka|Sakai', '6'),
			state('23', 'Asia/Tokyo', 'Japan', 'Nagoya', '52')
		]
	}
];
