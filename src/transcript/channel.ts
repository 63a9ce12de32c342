import type { Channel, Conversation } from './model.js';

// What transcripts and exports call their channel.
const NAMES: Record<string, Channel> = {
  voice: 'voice',
  phone: 'voice',
  call: 'voice',
  telephone: 'voice',
  telephony: 'voice',
  audio: 'voice',
  chat: 'chat',
  webchat: 'chat',
  livechat: 'chat',
  messaging: 'chat',
  message: 'chat',
  sms: 'chat',
  text: 'chat',
  whatsapp: 'chat',
  messenger: 'chat',
  'in-app': 'chat',
  social: 'social',
  twitter: 'social',
  x: 'social',
  facebook: 'social',
  instagram: 'social',
  tiktok: 'social',
  linkedin: 'social',
  reddit: 'social',
  youtube: 'social',
  email: 'email',
  'e-mail': 'email',
  mail: 'email',
};

// Formats that only ever hold speech: subtitles and speech-to-text output.
const SPOKEN = new Set(['vtt', 'srt', 'aws-tca', 'aws-transcribe', 'bedrock-audio', 'deepgram', 'assemblyai', 'revai', 'whisper']);

/**
 * The channel a conversation says (`channel:` in its metadata, in any of the usual names), else what
 * its format implies, else what its speakers look like (@handles are social media); plain transcripts
 * without any of these are calls.
 */
export function channelOf(conversation: Pick<Conversation, 'metadata' | 'format' | 'speakers'>): Channel {
  const declared = conversation.metadata.channel;
  if (typeof declared === 'string') {
    const named = NAMES[declared.trim().toLowerCase()];
    if (named) return named;
  }
  if (SPOKEN.has(conversation.format)) return 'voice';
  if (conversation.speakers.some((s) => s.label.startsWith('@'))) return 'social';
  return 'voice';
}
