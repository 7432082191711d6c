// Technicians: list, add, edit, delete. Email is unique, case-insensitively.
import { isEmail } from '$lib/domain/field-rules';
import { emailKey } from '$lib/domain/workspace';
import { UserFacingError } from './errors';
import { newId } from './ids';
import { db, type Technician } from './schema';

export type TechnicianInput = Pick<Technician, 'firstName' | 'lastName' | 'email'>;

export function listTechnicians(): Promise<Technician[]> {
	return db.technicians.orderBy('lastName').toArray();
}

/** A technician as it is stored, checked on its own; throws a UserFacingError saying what is wrong. */
export function technicianFields(input: TechnicianInput): Omit<Technician, 'id'> {
	const firstName = input.firstName.trim();
	const lastName = input.lastName.trim();
	const email = input.email.trim();
	if (!firstName || !lastName) throw new UserFacingError('First and last name are required.');
	if (!isEmail(email))
		throw new UserFacingError(`"${email}" is not a valid email address: write it like name@example.com.`);
	return { firstName, lastName, email, emailKey: emailKey(email) };
}

async function validate(input: TechnicianInput, selfId?: string): Promise<Omit<Technician, 'id'>> {
	const fields = technicianFields(input);
	const existing = await db.technicians.where('emailKey').equals(fields.emailKey).first();
	if (existing && existing.id !== selfId) {
		throw new UserFacingError(`${existing.firstName} ${existing.lastName} already has the email ${existing.email}.`);
	}
	return fields;
}

export async function addTechnician(input: TechnicianInput): Promise<Technician> {
	const technician = { id: newId(), ...(await validate(input)) };
	await db.technicians.add(technician);
	return technician;
}

export async function updateTechnician(id: string, input: TechnicianInput): Promise<void> {
	await db.technicians.update(id, await validate(input, id));
}

export function countClientsManagedBy(id: string): Promise<number> {
	return db.clients.where('accountManagerId').equals(id).count();
}

/** Deletes a technician; the clients they managed are left without an account manager. */
export async function deleteTechnician(id: string): Promise<void> {
	await db.transaction('rw', db.technicians, db.clients, async () => {
		await db.clients.where('accountManagerId').equals(id).modify({ accountManagerId: null });
		await db.technicians.delete(id);
	});
}
