// Live update of the rgpdoc preview. The server publishes each new build over
// server-sent events, the current one first on connection, which also covers
// a missed event and a restart of the server (EventSource reconnects by
// itself). An event says whether the page must reload fully: the server asks
// it when the stylesheets, scripts or images the page loads changed (the
// page gives its own in the query). Otherwise the page fetches itself again
// and swaps only its changed parts in place, which keeps the scroll position
// and spares the browser a whole new page; when the change is out of sight
// in an anchored section, it is brought into view.
"use strict";
(() => {
	const script = document.currentScript;
	const assets = script.dataset.assets;
	let build = script.dataset.build;
	let running = false;
	let again = false;

	const events = new EventSource("/_rgpdoc/events?assets=" + encodeURIComponent(assets));
	events.onmessage = (e) => {
		const ev = JSON.parse(e.data);
		if (ev.build === build) {
			return;
		}
		if (ev.reload) {
			reload();
			return;
		}
		update();
	};

	function reload() {
		events.close();
		location.reload();
	}

	// update swaps in the page as served now; an event that comes meanwhile
	// makes it fetch again once done.
	async function update() {
		if (running) {
			again = true;
			return;
		}
		running = true;
		try {
			do {
				again = false;
				const resp = await fetch(location.href, { cache: "no-store" });
				const next = new DOMParser().parseFromString(await resp.text(), "text/html");
				const live = next.querySelector('script[src="/_rgpdoc/live.js"]');
				if (!live || live.dataset.assets !== assets) {
					reload(); // the server moved on to other assets since the event
					return;
				}
				const x = scrollX, y = scrollY;
				const changed = [];
				morph(document.documentElement, next.documentElement, changed);
				build = live.dataset.build;
				scrollTo(x, y);
				reveal(changed);
			} while (again);
		} catch (err) {
			console.error("rgpdoc : mise à jour impossible, rechargement complet", err);
			reload();
		} finally {
			running = false;
		}
	}

	// same tells whether node a can be patched into node b rather than
	// replaced by it.
	function same(a, b) {
		return a.nodeType === b.nodeType && a.nodeName === b.nodeName &&
			(a.nodeType !== Node.ELEMENT_NODE || a.id === b.id);
	}

	// morph makes the children and attributes of from those of to, keeping
	// the nodes that stay and listing in changed the nodes it altered.
	function morph(from, to, changed) {
		if (from.nodeType === Node.ELEMENT_NODE) {
			attributes(from, to, changed);
		}
		const want = to.childNodes;
		let i = 0;
		for (; i < want.length; i++) {
			const n = want[i];
			const o = from.childNodes[i];
			if (!o) {
				changed.push(from.appendChild(document.importNode(n, true)));
			} else if (same(o, n)) {
				if (o.nodeType === Node.ELEMENT_NODE) {
					morph(o, n, changed);
				} else if (o.nodeValue !== n.nodeValue) {
					o.nodeValue = n.nodeValue;
					changed.push(o);
				}
			} else if (from.childNodes[i + 1] && same(from.childNodes[i + 1], n)) {
				o.remove(); // removed: its next sibling is the one wanted
				i--;
			} else if (want[i + 1] && same(o, want[i + 1])) {
				changed.push(from.insertBefore(document.importNode(n, true), o)); // inserted
			} else {
				const m = document.importNode(n, true);
				o.replaceWith(m);
				changed.push(m);
			}
		}
		while (from.childNodes.length > want.length) {
			from.lastChild.remove();
		}
	}

	function attributes(from, to, changed) {
		let differ = false;
		for (const a of [...from.attributes]) {
			if (!to.hasAttribute(a.name)) {
				from.removeAttribute(a.name);
				differ = true;
			}
		}
		for (const a of to.attributes) {
			if (from.getAttribute(a.name) !== a.value) {
				from.setAttribute(a.name, a.value);
				differ = true;
			}
		}
		if (differ && from !== script) {
			changed.push(from);
		}
	}

	// reveal brings the first change of the document into view when it is
	// out of sight and has an anchor (an element with an id, as sections
	// have); the overlay of errors, fixed over the page, is left out.
	function reveal(changed) {
		for (const node of changed) {
			const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
			if (!el || !document.body.contains(el) || el.closest(".rgpdoc-erreurs")) {
				continue;
			}
			const anchor = el.closest("[id]");
			const box = el.getBoundingClientRect();
			if (anchor && (box.bottom < 0 || box.top > innerHeight)) {
				el.scrollIntoView({ block: "center" });
			}
			return;
		}
	}
})();
