// The brands of lib/ui/issuer-icon-set.ts (issue 14): simple-icons (CC0-1.0) named re-exports, so
// the bundle keeps just these 155 and the list is written once.
export {
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
