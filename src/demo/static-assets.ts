/** The stylesheet and script every page references, so that a browser-based fetch finds them (200, not 404). */

export const SITE_CSS = `body{font-family:system-ui,sans-serif;margin:0;color:#222;line-height:1.5}
.site-header,.site-footer{padding:1rem 2rem;background:#f4f2ee}
.main-nav ul,.site-footer ul,.pagination ul,.breadcrumb{list-style:none;display:flex;gap:1rem;padding:0}
main{max-width:72rem;margin:0 auto;padding:1rem 2rem}
.product-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:1rem;list-style:none;padding:0}
.price{font-weight:700;font-size:1.25rem}
.skip-link{position:absolute;left:-999px}
`;

export const SITE_JS = `document.querySelectorAll('.add-to-cart').forEach(function (button) {
  button.addEventListener('click', function () { button.textContent = 'Added'; });
});
`;
