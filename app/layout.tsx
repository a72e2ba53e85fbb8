import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { DemoBanner } from "@/components/layout/demo-banner";
import { ViewerMenu } from "@/components/layout/viewer-menu";
import { getLayoutViewer } from "@/lib/auth/page-guard";
import { demoBannerText } from "@/lib/auth/viewer";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Tenfold", template: "%s · Tenfold" },
  description: "How every account of the AWS Organization does on AWS's top 10 security items.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the CSP nonce proxy.ts sets must reach Next's script tags.
  await connection();
  const viewer = await getLayoutViewer();
  const demoBanner = demoBannerText();
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        {demoBanner ? <DemoBanner text={demoBanner} /> : null}
        <AppHeader actions={viewer ? <ViewerMenu name={viewer.name} role={viewer.role} demo={viewer.demo} /> : null} />
        <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">
          <Providers>{children}</Providers>
        </main>
      </body>
    </html>
  );
}
