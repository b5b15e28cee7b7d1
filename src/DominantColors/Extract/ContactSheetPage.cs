namespace DominantColors.Extract;

/// <summary>
/// The fixed parts of the contact sheet: its style and script, inline, so the page needs no other file and no
/// network. Cards are tinted by their own <c>--tint</c> and <c>--ink</c>; thumbnails load as they near the window.
/// </summary>
internal static class ContactSheetPage
{
    public const string Head = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Palettes · dominant-colors</title>
        <style>
        :root { color-scheme: dark; font: 14px/1.4 system-ui, sans-serif; }
        body { margin: 0; background: #16171a; color: #e8e8ea; }
        header { position: sticky; top: 0; z-index: 2; display: flex; gap: 16px; align-items: center; flex-wrap: wrap;
                 padding: 10px 16px; background: #16171aee; border-bottom: 1px solid #2a2b30; }
        header h1 { font-size: 16px; margin: 0; font-weight: 600; }
        header select { font: inherit; }
        #sheet { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 14px; padding: 16px; }
        .card { background: var(--tint); color: var(--ink); border-radius: 10px; padding: 12px; display: flex; flex-direction: column;
                gap: 8px; content-visibility: auto; contain-intrinsic-size: auto 330px; }
        .card.video { grid-column: span 2; }
        .pic { aspect-ratio: 3 / 2; display: flex; align-items: center; justify-content: center; }
        .pic img { max-width: 100%; max-height: 100%; border-radius: 4px; box-shadow: 0 1px 6px #0006; }
        .barcode { width: 100%; height: 110px; image-rendering: pixelated; border-radius: 4px; }
        .card h2 { font-size: 13px; font-weight: 500; margin: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .bar { display: flex; height: 34px; border-radius: 5px; overflow: visible; }
        .row { display: flex; align-items: center; gap: 6px; font-size: 12px; }
        .row .bar { height: 18px; flex: 1; }
        .row .label { width: 6.6em; flex: none; opacity: .8; }
        .row .bar, .row .sw.single { outline: 1px solid color-mix(in srgb, var(--ink) 28%, transparent); }
        .sw { position: relative; border: 0; padding: 0; margin: 0; min-width: 6px; cursor: copy; }
        .sw:hover::after { content: attr(data-hex); position: absolute; left: 50%; bottom: calc(100% + 4px); transform: translateX(-50%);
                           background: #000d; color: #fff; padding: 2px 6px; border-radius: 4px; font: 12px ui-monospace, monospace;
                           white-space: nowrap; z-index: 3; pointer-events: none; }
        .sw.accent { box-shadow: inset 0 0 0 2px var(--ink); }
        .sw.accent::before { content: "\2605"; position: absolute; top: 50%; left: 50%; transform: translate(-50%, -50%);
                             color: var(--ink); font-size: 12px; }
        .row .sw.single { flex: 0 0 28px; height: 18px; border-radius: 4px; }
        #toast { position: fixed; bottom: 18px; left: 50%; transform: translateX(-50%); background: #000d; color: #fff;
                 padding: 6px 12px; border-radius: 6px; opacity: 0; transition: opacity .2s; pointer-events: none; }
        #toast.shown { opacity: 1; }
        footer { padding: 8px 16px 24px; opacity: .7; }
        </style>
        </head>
        <body>
        <header><h1>Palettes</h1><span id="counts"></span>
        <label>Sort by <select id="sort"><option value="name">file name</option><option value="hue">hue</option></select></label>
        <span>★ accent · click a color to copy it</span></header>
        <main id="sheet">

        """;

    public const string Tail = """
        <div id="toast" role="status"></div>
        <script>
        (() => {
          const sheet = document.getElementById('sheet');
          const summary = document.getElementById('summary');
          document.getElementById('counts').textContent = summary.textContent;
          const cards = Array.from(sheet.children);
          const byName = (a, b) => a.dataset.name.localeCompare(b.dataset.name, undefined, { numeric: true });
          const byHue = (a, b) => (+a.dataset.hue - +b.dataset.hue) || byName(a, b);
          document.getElementById('sort').addEventListener('change', e => {
            const sorted = cards.slice().sort(e.target.value === 'hue' ? byHue : byName);
            sheet.append(...sorted);
          });
          const show = img => { img.src = img.dataset.src; img.removeAttribute('data-src'); };
          const lazy = Array.from(document.querySelectorAll('img[data-src]'));
          if ('IntersectionObserver' in window) {
            const watch = new IntersectionObserver(entries => {
              for (const e of entries) if (e.isIntersecting) { show(e.target); watch.unobserve(e.target); }
            }, { rootMargin: '600px' });
            lazy.forEach(img => watch.observe(img));
          } else {
            lazy.forEach(show);
          }
          const toast = document.getElementById('toast');
          let hide = 0;
          const copy = hex => {
            const done = () => { toast.textContent = 'Copied ' + hex; toast.classList.add('shown');
                                 clearTimeout(hide); hide = setTimeout(() => toast.classList.remove('shown'), 1200); };
            if (navigator.clipboard && window.isSecureContext) {
              navigator.clipboard.writeText(hex).then(done, () => fallback(hex, done));
            } else {
              fallback(hex, done);
            }
          };
          const fallback = (hex, done) => {
            const t = document.createElement('textarea'); t.value = hex; document.body.append(t); t.select();
            document.execCommand('copy'); t.remove(); done();
          };
          document.addEventListener('click', e => { const sw = e.target.closest('.sw'); if (sw) copy(sw.dataset.hex); });
          document.body.dataset.ready = 'true';
          // How long the page took to open (navigation start to its load event), for whoever measures it.
          addEventListener('load', () => { document.body.dataset.loadedMs = Math.round(performance.now()); });
        })();
        </script>
        </body>
        </html>

        """;
}
