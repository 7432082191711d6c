// Persistent storage: asked for once, so the browser does not evict the workspace under storage pressure.
export type Persistence = 'granted' | 'not granted' | 'unsupported';

export async function requestPersistence(): Promise<Persistence> {
	if (!navigator.storage?.persist) return 'unsupported';
	if (await navigator.storage.persisted()) return 'granted';
	return (await navigator.storage.persist()) ? 'granted' : 'not granted';
}

export async function persistence(): Promise<Persistence> {
	if (!navigator.storage?.persisted) return 'unsupported';
	return (await navigator.storage.persisted()) ? 'granted' : 'not granted';
}

export async function usage(): Promise<{ used: number; quota: number } | undefined> {
	const estimate = await navigator.storage?.estimate?.();
	return estimate?.usage !== undefined && estimate.quota !== undefined
		? { used: estimate.usage, quota: estimate.quota }
		: undefined;
}
