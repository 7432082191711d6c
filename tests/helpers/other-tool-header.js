// The template's 19 columns as another PSA tool names them, in the template's order: the header the column
// mapping must map whole, shared by its unit test and its e2e test.
export const OTHER_TOOL_HEADER = [
	'Company',
	'Contact First Name',
	'Surname',
	'E-mail',
	'Dial Code',
	'Telephone',
	'Alternate Contact First Name',
	'Alternate Contact Last Name',
	'Alternate Contact Email',
	'Location',
	'Street Address',
	'Town',
	'State/Province',
	'Country/Region',
	'Post Code',
	'Time Zone',
	'Website',
	'Owner',
	'Teams'
];
