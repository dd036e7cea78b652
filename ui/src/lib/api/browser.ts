import type { Browser } from '$lib/bindings/Browser';
import type { HostStatus } from '$lib/bindings/HostStatus';

/** The "Save to Jobhound" extension's native messaging host, per browser. */
export interface BrowserClient {
	browserHosts(): Promise<HostStatus[]>;
	installBrowserHost(browser: Browser): Promise<HostStatus>;
	removeBrowserHost(browser: Browser): Promise<HostStatus>;
}
