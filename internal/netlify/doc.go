// Package netlify is the one home of the serving rules: how Netlify answers
// a request for the built site, so that everything that serves or caches
// the site answers it the same way.
//
//   - _redirects (redirects.go): the builder writes it (aliases, short
//     links, each language's not-found page); guide serve, the offline
//     worker and the browser tests read it back. A line is
//     "from to [status][!]": a redirect (3xx, 301 when no status is given),
//     a rewrite (200) or a not-found page (404). "!" forces a rule even
//     where a file exists. from may hold :placeholders and end with a *
//     splat. Lines with query or country conditions are left out when
//     reading: the builder writes none, and honouring them wrongly would be
//     worse than not at all.
//   - netlify.toml (config.go, policy.go): how Netlify builds the site and
//     which headers a URL gets, Content-Security-Policy included.
//   - Answer (answer.go): which file, status or redirect a URL path gets,
//     in Netlify's order: forced rules, files (a folder without its slash
//     is redirected to it), the other rules, then /404.html with 404.
//
// Its tests check the repository's netlify.toml against the site itself:
// the build command and publish folder, the security headers every page
// relies on, caching that suits fingerprinted assets and pages, and a
// Content-Security-Policy that allows everything the built pages load and
// nothing inline. The browser tests (internal/testkit/browsertest) serve the site
// with the same headers, so a page that breaks the policy fails there too.
package netlify
