// Tailwind 4 ships its own PostCSS plugin; it handles imports and vendor prefixes,
// so no postcss-import or autoprefixer is needed.
const config = {
  plugins: {
    "@tailwindcss/postcss": {},
  },
};

export default config;
