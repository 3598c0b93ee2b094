// Landing page until the console shell lands: where the IAM endpoint is.
export default function Home() {
  return (
    <main className="p-8">
      <h1 className="text-2xl font-semibold">Gatehouse</h1>
      <p className="mt-2">The IAM and STS endpoint is served at <code>/aws</code>.</p>
    </main>
  );
}
