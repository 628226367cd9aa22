// Live reload of the rgpdoc preview. The server publishes the id of each
// build over server-sent events, first on connection: a page reloads when it
// was served from another build, which also covers a missed event and a
// restart of the server (EventSource reconnects by itself).
"use strict";
(() => {
	const build = document.currentScript.dataset.build;
	const events = new EventSource("/_rgpdoc/events");
	events.onmessage = (e) => {
		if (e.data !== build) {
			events.close();
			location.reload();
		}
	};
})();
