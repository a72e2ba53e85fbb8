import type { Metadata } from "next";
import Link from "next/link";
import { AccountsTable } from "@/components/scorecard/accounts-table";
import { ITEM_SHORT } from "@/components/scorecard/item-labels";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { accountFiltersQuery, applyAccountFilters, parseAccountFilters } from "@/lib/accounts-filter";
import { requirePageViewer } from "@/lib/auth/page-guard";
import { listAccountSummaries } from "@/lib/db/account-summaries";
import { LIST_PAGE_SIZE, pageOf } from "@/lib/paging";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Accounts" };

const download = "rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50";
const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base";

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const { filters, ignored } = parseAccountFilters(await searchParams);
  const all = await listAccountSummaries(viewer);
  const rows = applyAccountFilters(all, filters);
  const shown = pageOf(rows, filters.page ?? 1, LIST_PAGE_SIZE);
  // Every OU and its parents, so "Root/Workloads" selects Prod and Dev together.
  const ous = [...new Set(all.flatMap((row) => row.ouPath.split("/").map((_, index, parts) => parts.slice(0, index + 1).join("/"))))].filter((ou) => ou !== "Root").sort();
  const owners = [...new Set(all.map((row) => row.owner).filter((owner): owner is string => !!owner))].sort();
  const query = accountFiltersQuery({ ...filters, page: undefined });
  const filtered = Object.keys(filters).some((key) => key !== "sort" && key !== "dir" && key !== "page");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Accounts"
        description={viewer.role === "owner" ? "The accounts you own, with their score on the ten items." : "Every account of the organisation, with its score on the ten items."}
        actions={
          <>
            <a href={`/api/accounts/export${query}`} className={download} download>
              Export CSV ({rows.length})
            </a>
            <a href={`/api/accounts/export${query ? `${query}&` : "?"}format=json`} className={download} download>
              Export JSON
            </a>
          </>
        }
      />
      {ignored.length > 0 ? (
        <Notice tone="warning" title="Some filters in the address were not valid and were ignored">
          Ignored: {[...new Set(ignored)].join(", ")}.
        </Notice>
      ) : null}
      <form method="get" action="/accounts" role="search" aria-label="Filter accounts" className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-6">
        <div className="text-sm font-medium lg:col-span-2">
          <label htmlFor="filter-q">Search</label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Account id, name or email" className={field} />
        </div>
        <div className="text-sm font-medium">
          <label htmlFor="filter-ou">OU</label>
          <select id="filter-ou" name="ou" defaultValue={filters.ou ?? ""} className={field}>
            <option value="">All OUs</option>
            {ous.map((ou) => (
              <option key={ou} value={ou}>
                {ou}
              </option>
            ))}
          </select>
        </div>
        <div className="text-sm font-medium">
          <label htmlFor="filter-owner">Owner</label>
          <select id="filter-owner" name="owner" defaultValue={filters.owner ?? ""} className={field}>
            <option value="">Any owner</option>
            {owners.map((owner) => (
              <option key={owner} value={owner}>
                {owner}
              </option>
            ))}
          </select>
        </div>
        <div className="text-sm font-medium">
          <label htmlFor="filter-failing">Failing item</label>
          <select id="filter-failing" name="failing" defaultValue={filters.failing ? String(filters.failing) : ""} className={field}>
            <option value="">Any</option>
            {Array.from({ length: 10 }, (_, index) => (
              <option key={index} value={index + 1}>
                {index + 1}. {ITEM_SHORT[index + 1]}
              </option>
            ))}
          </select>
        </div>
        <div className="text-sm font-medium">
          <label htmlFor="filter-tag">Tag</label>
          <input id="filter-tag" name="tag" defaultValue={filters.tag ?? ""} placeholder="key=value" className={field} />
        </div>
        <fieldset className="text-sm font-medium lg:col-span-2">
          <legend>Score range</legend>
          <div className="mt-1 flex items-center gap-2">
            <input name="min" type="number" min={0} max={100} defaultValue={filters.min ?? ""} aria-label="Minimum score" placeholder="0" className="w-24 rounded-md border border-slate-300 px-3 py-2" />
            <span aria-hidden>–</span>
            <input name="max" type="number" min={0} max={100} defaultValue={filters.max ?? ""} aria-label="Maximum score" placeholder="100" className="w-24 rounded-md border border-slate-300 px-3 py-2" />
          </div>
        </fieldset>
        {filters.sort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
        {filters.dir ? <input type="hidden" name="dir" value={filters.dir} /> : null}
        <div className="flex items-end gap-3 lg:col-span-4 lg:justify-end">
          {filtered ? (
            <Link href="/accounts" className="rounded-md px-3 py-2 underline">
              Clear filters
            </Link>
          ) : null}
          <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700">
            Apply filters
          </button>
        </div>
      </form>
      <p className="text-sm text-ink-muted" role="status">
        {rows.length === all.length ? `${all.length} accounts.` : `${rows.length} of ${all.length} accounts match.`}
        {shown.pages > 1 ? ` Showing ${shown.from}–${shown.to}.` : ""}
      </p>
      {all.length === 0 ? (
        <EmptyState title="No accounts yet">Accounts appear after the first scan has discovered the organisation.</EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title="No account matches these filters">
          <Link href="/accounts" className="underline">
            Clear the filters
          </Link>
        </EmptyState>
      ) : (
        <>
          <AccountsTable rows={shown.rows} filters={filters} />
          <Pager page={shown} noun="accounts" hrefFor={(page) => `/accounts${accountFiltersQuery({ ...filters, page: page > 1 ? page : undefined })}`} />
        </>
      )}
    </div>
  );
}
