import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { useRoute, href, navigate } from './router.js';
import { Overview } from './pages/overview.jsx';
import { Pair } from './pages/pair.jsx';
import { Country } from './pages/country.jsx';
import { Actor } from './pages/actor.jsx';
import { Article } from './pages/article.jsx';
import { Events } from './pages/events.jsx';
import { Search } from './pages/search.jsx';
import './style.css';

function Page({ route }) {
  const [name, ...args] = route.parts;
  const key = route.parts.join('/');
  switch (name) {
    case undefined:
      return <Overview />;
    case 'pair':
      if (args.length === 2) return <Pair key={key} a={args[0].toUpperCase()} b={args[1].toUpperCase()} route={route} />;
      break;
    case 'country':
      if (args.length === 1) return <Country key={key} code={args[0].toUpperCase()} route={route} />;
      break;
    case 'actor':
      if (args.length === 1) return <Actor key={key} id={args[0]} />;
      break;
    case 'article':
      if (args.length === 1) return <Article key={key} id={args[0]} route={route} />;
      break;
    case 'events':
      return <Events route={route} />;
    case 'search':
      return <Search route={route} />;
  }
  return (
    <div class="page">
      <h1>Not found</h1>
      <p>
        No page here. <a href="#/">Back to the overview</a>.
      </p>
    </div>
  );
}

function App() {
  const route = useRoute();
  useEffect(() => {
    if (!route.query.event && !route.query.quote) scrollTo(0, 0);
  }, [route.parts.join('/')]);
  return (
    <>
      <header class="top">
        <a class="brand" href="#/">
          Brink
        </a>
        <nav>
          <a href="#/">Overview</a>
          <a href={href(['events'])}>Events</a>
          <a href={href(['search'])}>Search</a>
        </nav>
        <form
          class="quick-search"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            navigate(['search'], { q: new FormData(e.currentTarget).get('q') });
          }}
        >
          <input name="q" type="search" placeholder="Search" aria-label="Search" />
        </form>
      </header>
      <main>
        <Page route={route} />
      </main>
      <footer class="foot">
        Brink · event data from news text · <a href="/api/openapi.json">API</a>
      </footer>
    </>
  );
}

render(<App />, document.getElementById('app'));
