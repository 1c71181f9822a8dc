// Bundled issuer icons (issue 14): a curated set of 155 brands common among 2FA issuers,
// from the simple-icons package (CC0-1.0, https://simpleicons.org; the marks stay their owners'
// trademarks: node_modules/simple-icons/DISCLAIMER.md). Named imports only, so the bundle keeps
// just these; the popup loads this module lazily as its own chunk. Never fetched at run time.
import {
  siGoogle, siGithub, siGitlab, siFacebook, siInstagram, siX, siDiscord, siDropbox,
  siApple, siPaypal, siStripe, siCoinbase, siBinance, siReddit, siTwitch, siSteam,
  siEpicgames, siPlaystation, siBitbucket, siAtlassian, siJira, siCloudflare, siDigitalocean, siVercel,
  siNetlify, siNpm, siPypi, siDocker, siOkta, siAuth0, si1password, siBitwarden,
  siLastpass, siProton, siProtonmail, siZoho, siTumblr, siSnapchat, siTiktok, siWordpress,
  siShopify, siMailchimp, siHubspot, siZendesk, siNotion, siEvernote, siTrello, siAsana,
  siFigma, siAutodesk, siDashlane, siKickstarter, siPatreon, siEtsy, siEbay, siUber,
  siAirbnb, siBookingdotcom, siRobinhood, siRevolut, siWise, siN26, siMonzo, siKucoin,
  siOkx, siBlockchaindotcom, siNamecheap, siGodaddy, siOvh, siHetzner, siFastly, siSentry,
  siDatadog, siMozilla, siFirefox, siTailscale, siNextcloud, siSynology, siUbiquiti, siHomeassistant,
  siDiscourse, siMastodon, siTelegram, siSignal, siWhatsapp, siZoom, siMega, siBackblaze,
  siBox, siRakuten, siLine, siPixiv, siNiconico, siDmm, siBattledotnet, siEa,
  siUbisoft, siGogdotcom, siRiotgames, siRoblox, siHackthebox, siTryhackme, siKeeper, siGooglecloud,
  siRedhat, siFedora, siUbuntu, siJetbrains, siPostman, siCircleci, siCodecov, siSnyk,
  siGitea, siCodeberg, siSourcehut, siGandi, siPorkbun, siSquarespace, siWix, siWebflow,
  siGhost, siSubstack, siMedium, siQuora, siStackoverflow, siMailgun, siSquare, siVenmo,
  siCashapp, siChase, siAmericanexpress, siVisa, siMastercard, siDiscover, siBankofamerica, siWellsfargo,
  siPayoneer, siKlarna, siZapier, siIfttt, siMiro, siGrammarly, siDribbble, siBehance,
  siVimeo, siYoutube, siSpotify, siSoundcloud, siNetflix, siGravatar, siKeybase, siMullvad,
  siNordvpn, siExpressvpn, siSurfshark,
} from 'simple-icons';

export interface BrandIcon {
  title: string;
  hex: string;
  path: string;
}

/** Every bundled icon. */
export const ICONS: readonly BrandIcon[] = [
  siGoogle, siGithub, siGitlab, siFacebook, siInstagram, siX, siDiscord, siDropbox,
  siApple, siPaypal, siStripe, siCoinbase, siBinance, siReddit, siTwitch, siSteam,
  siEpicgames, siPlaystation, siBitbucket, siAtlassian, siJira, siCloudflare, siDigitalocean, siVercel,
  siNetlify, siNpm, siPypi, siDocker, siOkta, siAuth0, si1password, siBitwarden,
  siLastpass, siProton, siProtonmail, siZoho, siTumblr, siSnapchat, siTiktok, siWordpress,
  siShopify, siMailchimp, siHubspot, siZendesk, siNotion, siEvernote, siTrello, siAsana,
  siFigma, siAutodesk, siDashlane, siKickstarter, siPatreon, siEtsy, siEbay, siUber,
  siAirbnb, siBookingdotcom, siRobinhood, siRevolut, siWise, siN26, siMonzo, siKucoin,
  siOkx, siBlockchaindotcom, siNamecheap, siGodaddy, siOvh, siHetzner, siFastly, siSentry,
  siDatadog, siMozilla, siFirefox, siTailscale, siNextcloud, siSynology, siUbiquiti, siHomeassistant,
  siDiscourse, siMastodon, siTelegram, siSignal, siWhatsapp, siZoom, siMega, siBackblaze,
  siBox, siRakuten, siLine, siPixiv, siNiconico, siDmm, siBattledotnet, siEa,
  siUbisoft, siGogdotcom, siRiotgames, siRoblox, siHackthebox, siTryhackme, siKeeper, siGooglecloud,
  siRedhat, siFedora, siUbuntu, siJetbrains, siPostman, siCircleci, siCodecov, siSnyk,
  siGitea, siCodeberg, siSourcehut, siGandi, siPorkbun, siSquarespace, siWix, siWebflow,
  siGhost, siSubstack, siMedium, siQuora, siStackoverflow, siMailgun, siSquare, siVenmo,
  siCashapp, siChase, siAmericanexpress, siVisa, siMastercard, siDiscover, siBankofamerica, siWellsfargo,
  siPayoneer, siKlarna, siZapier, siIfttt, siMiro, siGrammarly, siDribbble, siBehance,
  siVimeo, siYoutube, siSpotify, siSoundcloud, siNetflix, siGravatar, siKeybase, siMullvad,
  siNordvpn, siExpressvpn, siSurfshark,
];
