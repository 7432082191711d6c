// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface PageState {
			/** The name of the client just deleted, for the clients list to say so. */
			deleted?: string;
		}
	}
}

export {};
