import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getCustomerFile, getScript } from "@/lib/scripts/queries";
import { ScriptEditor } from "./editor/script-editor";

export default async function ScriptEditorPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("designer.access");
  const script = await getScript(Number((await params).id));
  if (!script) notFound();
  const file = await getCustomerFile(script.id);
  // The editor's live check counts customer-file problems too, as generation will.
  const customerFile = file ? { mapping: file.mapping, columns: file.columns.map((c) => c.name) } : null;
  return <ScriptEditor id={script.id} initialModel={script.model} initialVersion={script.draftVersion} customerFile={customerFile} />;
}
