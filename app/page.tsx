import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { homePath } from "@/lib/auth/permissions";

export default async function Home() {
  const user = await currentUser();
  redirect(user ? homePath(user) : "/login");
}
