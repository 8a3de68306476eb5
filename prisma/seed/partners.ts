// The demo company's ~40 partners (docs/domain.md#demo-data): every type and tier, spread over the regions, each
// with one portal user. Northwind Systems and Contoso Partners are the ones the demo sign-ins use.
import type { PartnerStatus, PartnerTier, PartnerType, Vertical } from "../../lib/db/generated/sqlite/enums";

export interface PartnerSpec {
  name: string;
  type: PartnerType;
  tier: PartnerTier;
  status?: PartnerStatus;
  /** Which partner manager owns the relationship: "pm" (pm@accord.test) or "pm2". */
  manager: "pm" | "pm2";
  country: string;
  regions: readonly string[];
  verticals: readonly Vertical[];
  /** Web and e-mail domain; the portal user is <contact first name>@<domain>. */
  domain: string;
  contact: string;
}

const ALL_REGIONS = ["NA", "EMEA-WEST", "EMEA-SECONDARY", "APAC", "LATAM"] as const;

export const PARTNERS: readonly PartnerSpec[] = [
  { name: "Northwind Systems", type: "RESELLER", tier: "PLATINUM", manager: "pm", country: "US", regions: ["NA", "EMEA-WEST"], verticals: ["TECHNOLOGY", "MANUFACTURING", "RETAIL", "HEALTHCARE"], domain: "northwind.test", contact: "Alice Turner" },
  { name: "Contoso Partners", type: "DISTRIBUTOR", tier: "PLATINUM", manager: "pm", country: "US", regions: ["NA", "EMEA-WEST", "EMEA-SECONDARY", "LATAM"], verticals: ["TECHNOLOGY", "FINANCIAL_SERVICES", "BUSINESS_SERVICES", "RETAIL", "MANUFACTURING"], domain: "contoso.test", contact: "Bob Martinez" },
  { name: "Fabrikam Solutions", type: "RESELLER", tier: "GOLD", manager: "pm", country: "US", regions: ["NA"], verticals: ["HEALTHCARE", "FINANCIAL_SERVICES"], domain: "fabrikam.test", contact: "Carla Jensen" },
  { name: "Tailspin Technologies", type: "MSP", tier: "GOLD", manager: "pm", country: "US", regions: ["NA"], verticals: ["TECHNOLOGY", "MEDIA"], domain: "tailspin.test", contact: "Derek Olsen" },
  { name: "Litware Consulting", type: "REFERRAL", tier: "SILVER", manager: "pm", country: "CA", regions: ["NA"], verticals: ["BUSINESS_SERVICES", "EDUCATION"], domain: "litware.test", contact: "Elena Petrova" },
  { name: "Adatum Cloud Services", type: "MSP", tier: "PLATINUM", manager: "pm", country: "US", regions: ["NA", "EMEA-WEST"], verticals: ["TECHNOLOGY", "FINANCIAL_SERVICES", "BUSINESS_SERVICES"], domain: "adatum.test", contact: "Farid Haddad" },
  { name: "Trey Research Partners", type: "REFERRAL", tier: "REGISTERED", manager: "pm", country: "US", regions: ["NA"], verticals: ["HEALTHCARE", "EDUCATION"], domain: "treyresearch.test", contact: "Gina Russo" },
  { name: "Keystone Federal Solutions", type: "RESELLER", tier: "GOLD", manager: "pm", country: "US", regions: ["NA"], verticals: ["GOVERNMENT", "EDUCATION"], domain: "keystonefederal.test", contact: "Henry Walsh" },
  { name: "Harbor Health IT", type: "RESELLER", tier: "SILVER", manager: "pm", country: "US", regions: ["NA"], verticals: ["HEALTHCARE"], domain: "harborhealthit.test", contact: "Irene Diaz" },
  { name: "Ledgerline Advisors", type: "REFERRAL", tier: "GOLD", manager: "pm", country: "US", regions: ["NA"], verticals: ["FINANCIAL_SERVICES"], domain: "ledgerline.test", contact: "Jamal Price" },
  { name: "Brightpath Managed Services", type: "MSP", tier: "SILVER", status: "SUSPENDED", manager: "pm", country: "CA", regions: ["NA"], verticals: ["HOSPITALITY", "RETAIL"], domain: "brightpath.test", contact: "Karen Liu" },
  { name: "Summit Distribution", type: "DISTRIBUTOR", tier: "PLATINUM", manager: "pm", country: "US", regions: ["NA", "EMEA-WEST", "APAC"], verticals: ["TECHNOLOGY", "MANUFACTURING", "ENERGY", "AUTOMOTIVE"], domain: "summitdistribution.test", contact: "Leo Fischer" },
  { name: "CloudBazaar Marketplace", type: "MARKETPLACE", tier: "PLATINUM", manager: "pm", country: "US", regions: ALL_REGIONS, verticals: ["TECHNOLOGY", "MEDIA", "RETAIL", "BUSINESS_SERVICES"], domain: "cloudbazaar.test", contact: "Mia Johansson" },
  { name: "StackMart", type: "MARKETPLACE", tier: "GOLD", manager: "pm", country: "US", regions: ["NA", "EMEA-WEST", "APAC"], verticals: ["TECHNOLOGY", "EDUCATION", "HOSPITALITY"], domain: "stackmart.test", contact: "Noah Williams" },
  { name: "Azteca Cloud", type: "DISTRIBUTOR", tier: "GOLD", manager: "pm", country: "MX", regions: ["LATAM"], verticals: ["RETAIL", "GOVERNMENT", "MANUFACTURING"], domain: "aztecacloud.test", contact: "Olga Ramirez" },
  { name: "Andes Tecnología", type: "RESELLER", tier: "GOLD", manager: "pm", country: "CL", regions: ["LATAM"], verticals: ["ENERGY", "MANUFACTURING"], domain: "andestec.test", contact: "Pablo Soto" },
  { name: "Rio Sul Sistemas", type: "RESELLER", tier: "SILVER", manager: "pm", country: "BR", regions: ["LATAM"], verticals: ["RETAIL", "FINANCIAL_SERVICES"], domain: "riosul.test", contact: "Quiteria Alves" },
  { name: "Pampa Digital", type: "MSP", tier: "REGISTERED", manager: "pm", country: "AR", regions: ["LATAM"], verticals: ["TECHNOLOGY", "HOSPITALITY"], domain: "pampadigital.test", contact: "Rodrigo Paz" },
  { name: "Proseware Group", type: "RESELLER", tier: "GOLD", manager: "pm2", country: "GB", regions: ["EMEA-WEST"], verticals: ["GOVERNMENT", "HEALTHCARE", "EDUCATION"], domain: "proseware.test", contact: "Sarah Whitfield" },
  { name: "Woodgrove Advisory", type: "REFERRAL", tier: "GOLD", manager: "pm2", country: "GB", regions: ["EMEA-WEST"], verticals: ["FINANCIAL_SERVICES"], domain: "woodgrove.test", contact: "Tom Ashby" },
  { name: "Wingtip Integration", type: "RESELLER", tier: "SILVER", manager: "pm2", country: "DE", regions: ["EMEA-WEST"], verticals: ["MANUFACTURING", "AUTOMOTIVE"], domain: "wingtip.test", contact: "Ulrike Braun" },
  { name: "Alpine Data Systems", type: "RESELLER", tier: "GOLD", manager: "pm2", country: "CH", regions: ["EMEA-WEST"], verticals: ["FINANCIAL_SERVICES", "MANUFACTURING", "HEALTHCARE"], domain: "alpinedata.test", contact: "Viktor Imhof" },
  { name: "Bluewave Networks", type: "MSP", tier: "SILVER", manager: "pm2", country: "NL", regions: ["EMEA-WEST"], verticals: ["TECHNOLOGY", "MEDIA", "RETAIL"], domain: "bluewave.test", contact: "Wouter de Jong" },
  { name: "Nordlys Digital", type: "RESELLER", tier: "SILVER", manager: "pm2", country: "NO", regions: ["EMEA-WEST"], verticals: ["ENERGY", "GOVERNMENT"], domain: "nordlys.test", contact: "Xenia Lund" },
  { name: "Lumière Conseil", type: "REFERRAL", tier: "SILVER", manager: "pm2", country: "FR", regions: ["EMEA-WEST"], verticals: ["MEDIA", "RETAIL", "HOSPITALITY"], domain: "lumiere-conseil.test", contact: "Yvonne Moreau" },
  { name: "Iberia Tech Partners", type: "RESELLER", tier: "REGISTERED", manager: "pm2", country: "ES", regions: ["EMEA-WEST"], verticals: ["HOSPITALITY", "RETAIL"], domain: "iberiatech.test", contact: "Zoe Navarro" },
  { name: "Oldbridge Computing", type: "RESELLER", tier: "REGISTERED", status: "TERMINATED", manager: "pm2", country: "IE", regions: ["EMEA-WEST"], verticals: ["BUSINESS_SERVICES"], domain: "oldbridge.test", contact: "Aidan Byrne" },
  { name: "Vistula Software House", type: "RESELLER", tier: "GOLD", manager: "pm2", country: "PL", regions: ["EMEA-SECONDARY"], verticals: ["MANUFACTURING", "TECHNOLOGY", "FINANCIAL_SERVICES"], domain: "vistula.test", contact: "Beata Nowak" },
  { name: "Danube IT Services", type: "MSP", tier: "SILVER", manager: "pm2", country: "HU", regions: ["EMEA-SECONDARY"], verticals: ["TECHNOLOGY", "AUTOMOTIVE"], domain: "danubeit.test", contact: "Csaba Varga" },
  { name: "Gulfstream Digital", type: "RESELLER", tier: "GOLD", manager: "pm2", country: "AE", regions: ["EMEA-SECONDARY"], verticals: ["GOVERNMENT", "ENERGY", "HOSPITALITY"], domain: "gulfstreamdigital.test", contact: "Dina Khalil" },
  { name: "Cape Horizon Systems", type: "RESELLER", tier: "SILVER", manager: "pm2", country: "ZA", regions: ["EMEA-SECONDARY"], verticals: ["FINANCIAL_SERVICES", "RETAIL", "ENERGY"], domain: "capehorizon.test", contact: "Ebo Mensah" },
  { name: "Anatolia Bilişim", type: "DISTRIBUTOR", tier: "GOLD", manager: "pm2", country: "TR", regions: ["EMEA-SECONDARY"], verticals: ["MANUFACTURING", "RETAIL", "AUTOMOTIVE"], domain: "anatolia.test", contact: "Fatma Yilmaz" },
  { name: "Levant Cloud", type: "REFERRAL", tier: "REGISTERED", manager: "pm2", country: "IL", regions: ["EMEA-SECONDARY"], verticals: ["TECHNOLOGY"], domain: "levantcloud.test", contact: "Gal Levi" },
  { name: "Merlion Technologies", type: "RESELLER", tier: "PLATINUM", manager: "pm2", country: "SG", regions: ["APAC"], verticals: ["FINANCIAL_SERVICES", "GOVERNMENT", "TECHNOLOGY"], domain: "merlion.test", contact: "Hui Min Tan" },
  { name: "Southern Cross Solutions", type: "RESELLER", tier: "GOLD", manager: "pm2", country: "AU", regions: ["APAC"], verticals: ["HEALTHCARE", "EDUCATION", "GOVERNMENT"], domain: "southerncross.test", contact: "Isla Murray" },
  { name: "Sakura Systems", type: "DISTRIBUTOR", tier: "GOLD", manager: "pm2", country: "JP", regions: ["APAC"], verticals: ["MANUFACTURING", "AUTOMOTIVE", "TECHNOLOGY"], domain: "sakurasystems.test", contact: "Kenji Sato" },
  { name: "Deccan Infotech", type: "MSP", tier: "GOLD", manager: "pm2", country: "IN", regions: ["APAC"], verticals: ["TECHNOLOGY", "BUSINESS_SERVICES", "FINANCIAL_SERVICES"], domain: "deccaninfotech.test", contact: "Lakshmi Rao" },
  { name: "Kiwi Cloud Partners", type: "REFERRAL", tier: "SILVER", manager: "pm2", country: "NZ", regions: ["APAC"], verticals: ["EDUCATION", "HOSPITALITY"], domain: "kiwicloud.test", contact: "Manaia Parata" },
  { name: "Hanriver Digital", type: "RESELLER", tier: "SILVER", manager: "pm2", country: "KR", regions: ["APAC"], verticals: ["MANUFACTURING", "MEDIA"], domain: "hanriver.test", contact: "Min-jun Park" },
  { name: "Straits Data Partners", type: "REFERRAL", tier: "REGISTERED", manager: "pm2", country: "MY", regions: ["APAC"], verticals: ["RETAIL", "BUSINESS_SERVICES"], domain: "straitsdata.test", contact: "Nurul Aziz" },
];
