// Finds a Chromium for the end-to-end tests: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then
// chromium-browser on the PATH. Where there is none and we are root on Debian, installs Debian's `chromium`;
// otherwise explains what to install. Run directly (`node tests/e2e/find-chromium.js`) it prints the path.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

function onPath(command) {
	try {
		return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || undefined;
	} catch {
		return undefined;
	}
}

function locate() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', onPath('chromium'), onPath('chromium-browser')];
	return candidates.find((path) => path && existsSync(path));
}

export function findChromium() {
	const found = locate();
	if (found) return found;
	const isRoot = process.getuid?.() === 0;
	if (isRoot && existsSync('/etc/debian_version')) {
		console.log("No Chromium found: installing Debian's chromium package…");
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
		const installed = locate();
		if (installed) return installed;
	}
	throw new Error(
		'No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
			'or set CHROMIUM_PATH to its executable.'
	);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) console.log(findChromium());
