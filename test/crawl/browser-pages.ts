import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Pages that misbehave in a browser, served by a test's local server. Each is small and deterministic;
 * the ones that hang keep their response open until the server closes.
 */
export interface BrowserPages {
  handler(request: IncomingMessage, response: ServerResponse): void;
  /** Requests seen per path (without the query). */
  hits(path: string): number;
}

const HTML = { 'content-type': 'text/html; charset=utf-8' };

function page(body: string, head = ''): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>test</title>${head}</head><body>${body}</body></html>`;
}

const PAGES: Record<string, string> = {
  '/plain': page('<h1>Plain</h1><p>Server-rendered text.</p><img src="/img/a.png" alt="a">'),
  '/images': page(
    '<h1>Images</h1><img src="/img/b.png" alt="b"><img src="/img/c.JPG?v=2" alt="c"><img src="/img/d" alt="d">',
  ),
  // A client-rendered app: an empty root, and a script that fetches the data and writes content and JSON-LD.
  '/app': page(
    '<div id="root"></div><script src="/app.js"></script>',
    '<noscript>You need to enable JavaScript to run this app.</noscript>',
  ),
  '/set-state': page(
    `<p>set</p><script>
      document.cookie = 'visited=yes; path=/';
      localStorage.setItem('seen', 'yes');
      sessionStorage.setItem('tab', 'yes');
    </script>`,
  ),
  // Writes its state a moment after load: by then the tab has been reset, and the write must not land.
  '/late-state': page(
    `<p>late</p><script>
      setTimeout(() => {
        document.cookie = 'late=yes; path=/';
        localStorage.setItem('seen', 'late');
      }, 150);
    </script>`,
  ),
  '/read-state': page(
    `<p id="out">pending</p><script>
      document.getElementById('out').textContent =
        'cookie=' + document.cookie + ';local=' + localStorage.getItem('seen') + ';session=' + sessionStorage.getItem('tab');
    </script>`,
  ),
  // An image that never answers: `load` never fires, DOMContentLoaded does.
  '/never-loads': page('<h1>Almost</h1><p>The text is here.</p><img src="/hang/img.png" alt="never">'),
  // A synchronous script that never answers holds the parser: not even DOMContentLoaded.
  '/parser-blocked': page('<h1>Start</h1><script src="/hang/script.js"></script><p>after</p>'),
  // Keeps fetching more items, forever, the way an infinite-scroll list does when its sentinel is visible.
  '/infinite-scroll': page(
    `<ul id="list"></ul><div id="sentinel">loading…</div><script>
      let n = 0;
      const more = () => fetch('/more?n=' + n++).then((r) => r.text()).then((t) => {
        const li = document.createElement('li'); li.textContent = t; document.getElementById('list').append(li);
        more();
      });
      more();
    </script>`,
  ),
  '/dialogs': page(
    `<p id="out">dialogs</p><script>
      alert('hello');
      const ok = confirm('sure?');
      const name = prompt('name?');
      window.addEventListener('beforeunload', (e) => { e.preventDefault(); e.returnValue = 'stay'; });
      document.getElementById('out').textContent = 'confirm=' + ok + ';prompt=' + name;
    </script>`,
  ),
  '/popup': page(
    `<p>popups</p><script>
      window.open('/plain', '_blank');
      window.addEventListener('load', () => window.open('/plain', 'other', 'width=200'));
    </script>`,
  ),
  '/script-navigate': page(`<p>leaving</p><script>location.replace('/landing');</script>`),
  '/landing': page('<h1>Landed</h1>'),
  '/navigate-forever': page(
    `<p>again</p><script>location.href = '/navigate-forever?n=' + (Number(new URLSearchParams(location.search).get('n') || 0) + 1);</script>`,
  ),
  '/huge-dom': page(
    `<div id="grid"></div><script>
      const grid = document.getElementById('grid');
      const row = '<span>x</span>'.repeat(1000);
      for (let i = 0; i < 120; i++) grid.insertAdjacentHTML('beforeend', '<div>' + row + '</div>');
    </script>`,
  ),
  // Grows its heap in steps, yielding between them, as a leaking page does (while an image holds its load).
  '/memory-hog': page(
    `<p>hog</p><img src="/slow/img.png"><script>
      const keep = [];
      const grow = () => { for (let i = 0; i < 20; i++) keep.push(new Array(250000).fill(i + keep.length)); setTimeout(grow, 5); };
      grow();
    </script>`,
  ),
  '/slow-body': page('<p>slow</p><img src="/hang/slow.png">'),
};

const APP_JS = `
fetch('/api/product').then((r) => r.json()).then((product) => {
  const root = document.getElementById('root');
  root.innerHTML = '<h1>' + product.name + '</h1><p class="price">' + product.price + ' EUR</p>';
  const ld = document.createElement('script');
  ld.type = 'application/ld+json';
  ld.textContent = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Product', name: product.name, sku: product.sku });
  document.head.append(ld);
});`;

export function browserPages(): BrowserPages {
  const hits = new Map<string, number>();
  return {
    hits: (path) => hits.get(path) ?? 0,
    handler(request, response) {
      const path = (request.url ?? '/').split('?')[0]!;
      hits.set(path, (hits.get(path) ?? 0) + 1);
      if (path.startsWith('/hang/') || path === '/never-answers') return; // left open
      const html = PAGES[path];
      if (html !== undefined) return void response.writeHead(200, HTML).end(html);
      if (path === '/app.js')
        return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(APP_JS);
      if (path === '/api/product')
        return void response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ name: 'Rendered Kettle', price: '49.90', sku: 'RK-1' }));
      if (path.startsWith('/slow/'))
        return void setTimeout(
          () => response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(64)),
          800,
        );
      if (path === '/more') return void setTimeout(() => response.writeHead(200).end('item'), 20);
      if (path.startsWith('/img/'))
        return void response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(64));
      if (path === '/file.pdf')
        return void response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4\n%%EOF\n');
      if (path === '/loop-a') return void response.writeHead(302, { location: '/loop-b' }).end();
      if (path === '/loop-b') return void response.writeHead(302, { location: '/loop-a' }).end();
      if (path === '/moved') return void response.writeHead(301, { location: '/landing' }).end();
      response.writeHead(404, HTML).end(page('<h1>Not found</h1>'));
    },
  };
}
