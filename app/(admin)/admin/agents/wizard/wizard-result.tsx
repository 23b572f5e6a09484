"use client";

import Link from "next/link";
import { buildCredentialsCsv } from "@/lib/hr/credentials-csv";
import { useLocale, useT } from "@/lib/i18n/client";
import { Button, buttonClassName } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";

export interface CreatedAccount {
  id: number;
  login: string;
  name: string;
  password: string;
}

/**
 * The credentials of the accounts just created, shown once. The CSV is built here in the
 * browser: the server never keeps a clear password, so there is nothing to download later.
 */
export function WizardResult({ accounts, onAgain }: { accounts: CreatedAccount[]; onAgain: () => void }) {
  const t = useT();
  const locale = useLocale();
  // Leaving the page loses the passwords for good: the browser asks first.
  useUnsavedWarning(true);

  function download() {
    const csv = buildCredentialsCsv(
      accounts,
      [t("hr.wizard.csvLogin"), t("hr.wizard.csvName"), t("hr.wizard.csvPassword")],
      locale === "fr" ? ";" : ",",
    );
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = t("hr.wizard.csvFile");
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("hr.wizard.resultTitle", { count: accounts.length })}</CardTitle>
        <CardDescription role="status">{t("hr.wizard.resultText")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="flex flex-wrap gap-2">
          <Button onClick={download}>{t("hr.wizard.download")}</Button>
          <Button variant="secondary" onClick={onAgain}>
            {t("hr.wizard.again")}
          </Button>
          <Link href="/admin/agents" className={buttonClassName({ variant: "ghost" })}>
            {t("hr.agents.title")}
          </Link>
        </div>
        <Table>
          <THead>
            <Tr>
              <Th>{t("hr.wizard.csvLogin")}</Th>
              <Th>{t("hr.wizard.csvName")}</Th>
              <Th>{t("hr.wizard.csvPassword")}</Th>
            </Tr>
          </THead>
          <TBody>
            {accounts.map((a) => (
              <Tr key={a.id}>
                <Td className="font-mono">{a.login}</Td>
                <Td>{a.name}</Td>
                <Td>
                  <code className="font-mono select-all" data-testid={`password-${a.login}`}>
                    {a.password}
                  </code>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </CardContent>
    </Card>
  );
}
